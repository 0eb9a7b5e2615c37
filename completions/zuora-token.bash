_zuora__token() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="zuora__token"
                ;;
            zuora__token,agent)
                cmd="zuora__token__subcmd__agent"
                ;;
            zuora__token,api)
                cmd="zuora__token__subcmd__api"
                ;;
            zuora__token,cache)
                cmd="zuora__token__subcmd__cache"
                ;;
            zuora__token,completions)
                cmd="zuora__token__subcmd__completions"
                ;;
            zuora__token,curl)
                cmd="zuora__token__subcmd__curl"
                ;;
            zuora__token,env)
                cmd="zuora__token__subcmd__env"
                ;;
            zuora__token,exec)
                cmd="zuora__token__subcmd__exec"
                ;;
            zuora__token,get)
                cmd="zuora__token__subcmd__get"
                ;;
            zuora__token,help)
                cmd="zuora__token__subcmd__help"
                ;;
            zuora__token,login)
                cmd="zuora__token__subcmd__login"
                ;;
            zuora__token,logout)
                cmd="zuora__token__subcmd__logout"
                ;;
            zuora__token,man)
                cmd="zuora__token__subcmd__man"
                ;;
            zuora__token,profiles)
                cmd="zuora__token__subcmd__profiles"
                ;;
            zuora__token,status)
                cmd="zuora__token__subcmd__status"
                ;;
            zuora__token__subcmd__cache,clear)
                cmd="zuora__token__subcmd__cache__subcmd__clear"
                ;;
            zuora__token__subcmd__cache,help)
                cmd="zuora__token__subcmd__cache__subcmd__help"
                ;;
            zuora__token__subcmd__cache,list)
                cmd="zuora__token__subcmd__cache__subcmd__list"
                ;;
            zuora__token__subcmd__cache__subcmd__help,clear)
                cmd="zuora__token__subcmd__cache__subcmd__help__subcmd__clear"
                ;;
            zuora__token__subcmd__cache__subcmd__help,help)
                cmd="zuora__token__subcmd__cache__subcmd__help__subcmd__help"
                ;;
            zuora__token__subcmd__cache__subcmd__help,list)
                cmd="zuora__token__subcmd__cache__subcmd__help__subcmd__list"
                ;;
            zuora__token__subcmd__help,agent)
                cmd="zuora__token__subcmd__help__subcmd__agent"
                ;;
            zuora__token__subcmd__help,api)
                cmd="zuora__token__subcmd__help__subcmd__api"
                ;;
            zuora__token__subcmd__help,cache)
                cmd="zuora__token__subcmd__help__subcmd__cache"
                ;;
            zuora__token__subcmd__help,completions)
                cmd="zuora__token__subcmd__help__subcmd__completions"
                ;;
            zuora__token__subcmd__help,curl)
                cmd="zuora__token__subcmd__help__subcmd__curl"
                ;;
            zuora__token__subcmd__help,env)
                cmd="zuora__token__subcmd__help__subcmd__env"
                ;;
            zuora__token__subcmd__help,exec)
                cmd="zuora__token__subcmd__help__subcmd__exec"
                ;;
            zuora__token__subcmd__help,get)
                cmd="zuora__token__subcmd__help__subcmd__get"
                ;;
            zuora__token__subcmd__help,help)
                cmd="zuora__token__subcmd__help__subcmd__help"
                ;;
            zuora__token__subcmd__help,login)
                cmd="zuora__token__subcmd__help__subcmd__login"
                ;;
            zuora__token__subcmd__help,logout)
                cmd="zuora__token__subcmd__help__subcmd__logout"
                ;;
            zuora__token__subcmd__help,man)
                cmd="zuora__token__subcmd__help__subcmd__man"
                ;;
            zuora__token__subcmd__help,profiles)
                cmd="zuora__token__subcmd__help__subcmd__profiles"
                ;;
            zuora__token__subcmd__help,status)
                cmd="zuora__token__subcmd__help__subcmd__status"
                ;;
            zuora__token__subcmd__help__subcmd__cache,clear)
                cmd="zuora__token__subcmd__help__subcmd__cache__subcmd__clear"
                ;;
            zuora__token__subcmd__help__subcmd__cache,list)
                cmd="zuora__token__subcmd__help__subcmd__cache__subcmd__list"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        zuora__token)
            opts="-p -e -v -q -h -V --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --verbose --quiet --help --version get env exec api curl status agent cache profiles login logout completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__agent)
            opts="-v -q -p -e -h --sink --renew-before --once --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --sink)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --renew-before)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__api)
            opts="-X -f -F -H -i -v -q -p -e -h --method --raw-field --field --input --header --include --paginate --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --method)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -X)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --raw-field)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --field)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -F)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__cache)
            opts="-v -q -p -e -h --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help list clear help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__cache__subcmd__clear)
            opts="-v -q -p -e -h --all --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__cache__subcmd__help)
            opts="list clear help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__cache__subcmd__help__subcmd__clear)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__cache__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__cache__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__cache__subcmd__list)
            opts="-o -v -q -p -e -h --output --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "text json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "text json" -- "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__completions)
            opts="-h --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__curl)
            opts="-h --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__env)
            opts="-s -v -q -p -e -h --shell --refresh --no-cache --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --shell)
                    COMPREPLY=($(compgen -W "sh fish powershell dotenv cmd github" -- "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -W "sh fish powershell dotenv cmd github" -- "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__exec)
            opts="-v -q -p -e -h --refresh --no-cache --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__get)
            opts="-o -v -q -p -e -h --output --refresh --no-cache --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "token json header headers curl" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "token json header headers curl" -- "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help)
            opts="get env exec api curl status agent cache profiles login logout completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__agent)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__api)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__cache)
            opts="list clear"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__cache__subcmd__clear)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__cache__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__curl)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__env)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__exec)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__login)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__logout)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__profiles)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__login)
            opts="-v -q -p -e -h --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__logout)
            opts="-v -q -p -e -h --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__man)
            opts="-h --dir --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__profiles)
            opts="-o -v -q -p -e -h --output --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "text json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "text json" -- "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        zuora__token__subcmd__status)
            opts="-o -v -q -p -e -h --output --verbose --quiet --profile --config --client-id --client-secret-file --client-secret --environment --base-url --token-url --entity-id --track-id --org-ids --zuora-version --cache-dir --min-ttl --timeout --retries --ca-bundle --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "text json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "text json" -- "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                -e)
                    COMPREPLY=($(compgen -W "prod us-cloud2-production prod-na us-cloud1-production prod-eu eu-production prod-ap apac-production sbx us-cloud2-api-sandbox sbx-na us-cloud1-api-sandbox sbx-eu eu-api-sandbox csbx us-central-sandbox csbx-eu eu-central-sandbox csbx-ap apac-central-sandbox" -- "${cur}"))
                    return 0
                    ;;
                --base-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entity-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --track-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --org-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --zuora-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _zuora__token -o nosort -o bashdefault -o default zuora-token
else
    complete -F _zuora__token -o bashdefault -o default zuora-token
fi
