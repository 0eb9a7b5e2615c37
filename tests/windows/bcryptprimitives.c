/* Test tooling only, never shipped: a bcryptprimitives.dll for Wine 8,
 * which lacks it. Rust's standard library on Windows gets its randomness
 * from ProcessPrng there (HashMap's keys, for one); this one asks
 * RtlGenRandom (SystemFunction036 in advapi32), which Wine has.
 * tests/windows/run.sh builds it with mingw-w64 and puts it beside the
 * copy of zuora-token.exe it runs under Wine. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
