# Textes de l’interface de Kruispunt : français (Belgique).
#
# Chaque message ici existe aussi dans locales/nl et locales/en, avec les mêmes variables.
# Voir docs/translating.md. Lancez `cargo test --test i18n` après chaque modification.
# Avant « : », « ; », « ? », « ! » et « % », l’espace est insécable (U+00A0).

## Général

# Affiché à la place d’un message qui n’existe dans aucune langue ; un bogue, que les tests détectent.
missing-text = (texte manquant)

# Après un texte du cours affiché dans une autre langue que celle choisie.
text-fallback-marker = [{ $locale }]

# The one notice of a screen whose course texts are partly not translated, in the header
# after the language; $languages: the languages shown instead (course-language-name, joined
# with list-separator).
text-fallback-notice = en partie en { $languages }
# The same, said once when an item opens in plain mode.
text-fallback-sentence = Cette partie n’est pas encore entièrement traduite : ce qui manque est en { $languages }.
# The name of a course language in the two messages above.
course-language-name = { $locale ->
        [nl] néerlandais
        [en] anglais
        [fr] français
       *[other] « { $locale } »
    }
list-separator = {", "}

## Choix de la langue de l’interface

# $value : la valeur donnée ; $source : flag, env ou system ; $fallback : nl, en ou fr.
locale-unknown = Langue inconnue « { $value } » ({ $source ->
        [flag] via --lang
        [env] via KRUISPUNT_LANG
       *[system] dans les réglages du système
    }) ; l’interface sera en { $fallback ->
        [nl] néerlandais
        [fr] français
       *[en] anglais
    }. Langues disponibles : nl, en, fr.

## Le fichier de configuration, kruispunt.toml (kruispunt config path|show)

# Où dans le fichier de configuration. $file : le fichier ; $line, $column : à partir de 1.
config-place = { $file }:{ $line }:{ $column }
# $file : le fichier ; $origin : flag ou env ; $variable : KRUISPUNT_CONFIG.
config-missing = le fichier de configuration { $file } ({ $origin ->
        [flag] donné avec --config
       *[env] indiqué par { $variable }
    }) n’existe pas
# $file : le fichier ; $reason : pourquoi, selon le système.
config-unreadable = impossible de lire le fichier de configuration { $file } : { $reason }
# $place : fichier:ligne:colonne ; $detail : ce qu’a dit l’analyseur TOML (en anglais).
config-syntax = { $place } : ce n’est pas du TOML valide : { $detail }
# $place : fichier:ligne:colonne ; $key : la clé inconnue ; $keys : les clés qui existent.
config-unknown-key = { $place } : réglage inconnu « { $key } » ; les réglages sont { $keys }
# $suggestion : la clé connue dont c’est sans doute une faute de frappe.
config-unknown-key-suggestion = { $place } : réglage inconnu « { $key } » (vouliez-vous dire « { $suggestion } » ?) ; les réglages sont { $keys }
config-lrs-credentials = { $place } : « { $key } » n’a pas sa place dans le fichier de configuration : le nom d’utilisateur et le mot de passe du LRS sont gardés à l’abri dans lrs.json par kruispunt xapi configure
# $expected : string, integer ou table.
config-wrong-type = { $place } : « { $key } » doit être { $expected ->
        [integer] un nombre entier
        [table] une table ([lrs])
       *[string] du texte entre guillemets
    }
# $found : la version dans le fichier ; $supported : celle que lit ce programme.
config-bad-version = { $place } : cette version de Kruispunt ne connaît pas la version { $found } du fichier de configuration ; elle lit la version { $supported }
config-bad-lang = { $place } : lang « { $value } » n’est pas une langue de l’interface : nl, en ou fr
# $key : course ou data_dir.
config-empty-path = { $place } : « { $key } » est vide ; enlevez la ligne pour utiliser la valeur par défaut
config-bad-endpoint = { $place } : lrs.endpoint { $value } n’est pas une URL commençant par https:// ou http:// (sans utilisateur, mot de passe, ? ni #)
config-bad-delimiter = { $place } : csv_delimiter « { $value } » doit être un seul caractère, comme « ; » ou « , » (ni lettre, ni chiffre, ni guillemet, ni saut de ligne)
config-no-dir = impossible de trouver un dossier de configuration ; donnez --config FICHIER ou définissez { $variable }
# kruispunt config show. $file : le fichier de configuration.
config-show-file = Fichier de configuration : { $file }
config-show-file-absent = Fichier de configuration : { $file } (il n’existe pas ; les valeurs par défaut s’appliquent)
config-show-no-file = Fichier de configuration : aucun (pas de dossier personnel ; donnez --config FICHIER ou définissez { $variable })
# Un réglage. $key : son nom dans le fichier ; $value : sa valeur ; $source : flag, env, file, lrs-file ou default ; $variable : sa variable d’environnement.
config-show-setting = { $key } : { $value } ({ $source ->
        [flag] ligne de commande
        [env] { $variable }
        [file] fichier de configuration
        [lrs-file] lrs.json
       *[default] par défaut
    })
config-default-course = le cours intégré
config-default-lang = la langue du profil, sinon celle du système, sinon celle du cours
config-default-lrs-endpoint = non défini
config-default-csv-delimiter = suit la langue de l’interface
config-default-data-dir-none = aucun (pas de dossier personnel)
config-delimiter-tab = tabulation

## Messages de `kruispunt validate`

severity-error = erreur
severity-warning = avertissement

# FICHIER:LIGNE:COLONNE: GRAVITÉ[CODE]: MESSAGE, le format que les éditeurs comprennent.
diagnostic = { $file }:{ $line }:{ $column }: { $severity }[{ $code }]: { $message }
diagnostic-with-path = { $file }:{ $line }:{ $column }: { $severity }[{ $code }]: { $message } (champ { $path })
diagnostic-message-at-path = { $message } (champ { $path })
sarif-rule = Problème de cours « { $code } » : voir « Problem codes » dans docs/course-format.md

problem-unreadable = impossible de lire le fichier : { $reason }
problem-missing-manifest = ce dossier ne contient pas de course.json
problem-json-syntax = JSON non valide : { $message }
problem-json-type = { $message }
problem-format-version = format_version { $found } n’est pas pris en charge ; cette version de Kruispunt lit la version { $supported }
problem-unknown-file = ce fichier ne fait pas partie du cours : les leçons vont dans lessons/, les scénarios dans scenarios/
# $what : le type d’élément dont l’identifiant est en double.
problem-duplicate-id = identifiant `{ $id }` en double pour { $what ->
        [module] un module
        [item] une leçon ou un scénario
        [scene] une scène
        [option] une option
        [quiz-option] une option de quiz
        [checklist-entry] un élément de liste de contrôle
        [node] un nœud
        [choice] un choix
        [character] un personnage
        [variable] une variable
        [competency] une compétence
        [locale] une langue
       *[other] { $what }
    } (première utilisation : { $first })
problem-missing-item = aucune leçon ni aucun scénario n’a l’identifiant `{ $id }`
problem-missing-node = aucun nœud de ce scénario n’a l’identifiant `{ $id }`
problem-missing-character = aucun personnage de ce scénario n’a l’identifiant `{ $id }`
problem-undeclared-variable = la variable `{ $id }` n’est pas déclarée dans les variables de ce scénario
problem-unknown-competency = la compétence `{ $id }` n’est pas déclarée dans les competencies de course.json
problem-unused-item = aucun module n’utilise `{ $id }` ; ajoutez-le aux items d’un module dans course.json ou supprimez le fichier
problem-unreachable-node = aucun chemin depuis le début n’atteint le nœud `{ $id }`
problem-dead-end = le nœud `{ $id }` n’est pas une fin, et aucune fin n’est accessible à partir de celui-ci
problem-all-choices-conditional = chaque choix du nœud `{ $id }` a une condition ; si aucune n’est remplie, la personne en formation est bloquée
problem-no-reachable-ending = aucune fin n’est accessible depuis le nœud de départ
problem-node-kind = un nœud doit avoir exactement un des champs `choices`, `next` ou `ending` ({ $found ->
        [0] aucun trouvé
        [one] { $found } trouvé
       *[other] { $found } trouvés
    })
problem-scene-kind = une scène doit avoir exactement un des champs `text`, `testimony`, `key_points`, `glossary`, `quiz`, `reflection` ou `checklist` ({ $found ->
        [0] aucun trouvé
        [one] { $found } trouvé
       *[other] { $found } trouvés
    })
problem-bad-range = variable `{ $id }` : il faut min <= start <= max (min { $min }, start { $start }, max { $max })
problem-out-of-range = cet effet peut porter `{ $id }` à { $reached }, hors de sa plage { $min }..{ $max } (la valeur sera ramenée dans la plage)
problem-no-correct-answer = cette question de quiz n’a aucune option correcte
problem-several-correct-answers = ce quiz n’accepte qu’une réponse, mais { $count } options sont correctes ; mettez "multiple": true
# $what : le champ ou la liste vide, tel que nommé dans le fichier.
problem-empty = { $what } est vide
problem-missing-locale = le texte `{ $locale }` manque
problem-undeclared-locale = la langue `{ $locale }` n’est pas déclarée dans les locales de course.json
problem-default-locale-undeclared = la langue par défaut `{ $locale }` ne figure pas dans locales
# $code : le point de code en hexadécimal, p. ex. 001B.
problem-control-character = le texte `{ $locale }` contient le caractère de contrôle U+{ $code } ; le texte du cours ne peut pas piloter le terminal
problem-id-control-character = cet identifiant, cette clé, cette version ou ce nom de fichier contient le caractère de contrôle U+{ $code } ; seuls les caractères imprimables sont admis
problem-not-fictional = un témoignage doit indiquer "fictional_composite": true ; les personas ne sont jamais des personnes réelles
problem-old-format-version = le format_version { $found } est lu en le migrant : { $inferred } qualités de choix ont été déduites et les pensées attribuées au dernier interlocuteur ; lancez `kruispunt migrate` pour passer les fichiers en version { $current }
problem-route-fallback = la route du nœud `{ $id }` doit se terminer par une branche sans `if`, prise quand aucune autre ne s’applique
problem-missing-choice = il n’y a pas de choix `{ $id }` (écrivez "nœud/choix")
problem-missing-quality = le choix `{ $id }` n’a pas de `quality` (best, acceptable, weak ou harmful)
problem-missing-thinker = le choix `{ $id }` a une `thought` mais pas de `thinker` : dites à qui est cette pensée
problem-decorative-variable = la variable `{ $id }` n’est lue par aucune condition ni route ; elle ne peut rien changer au déroulement
problem-harmful-good-ending = la bonne fin `{ $ending }` peut être atteinte après le choix nuisible `{ $choice }`, par exemple par { $path }
problem-positional-answer = dans { $same } des { $total } points de décision à ordre fixe, le meilleur choix est le numéro { $position } ; on apprend la position, pas la compétence
problem-quality-mismatch = le choix `{ $id }` est `{ $quality }` mais { $reason }
problem-length-tell = dans { $longest } des { $total } points de décision, le meilleur choix est plus long de plus de 40 % ; on apprend à choisir la réponse la plus longue
problem-unreadable-directory = impossible de lire le dossier : { $reason }
problem-linked-directory = c’est un lien vers un dossier ; les liens vers des dossiers ne sont pas suivis
problem-not-a-file = ce n’est pas un fichier ordinaire (FIFO, périphérique ou socket) : il n’est pas lu
problem-file-too-large = le fichier dépasse { $limit } Mio, la limite pour un fichier ; il n’est pas lu
problem-course-too-large = le cours dépasse { $limit } Mio, la limite pour l’ensemble des fichiers ; ce fichier et les suivants ne sont pas lus
problem-too-many-files = le cours a plus de { $limit } fichiers .json, la limite ; ce fichier et les suivants ne sont pas lus
problem-text-too-long = ce texte fait { $length } octets ; la limite est de { $limit } octets
# $what : nodes, choices, scenes, lessons ou scenarios.
problem-too-many = { $what ->
        [nodes] ce scénario a { $count } nœuds
        [choices] ce nœud a { $count } choix
        [scenes] cette leçon a { $count } scènes
        [lessons] le cours a { $count } fichiers dans lessons/
       *[scenarios] le cours a { $count } fichiers dans scenarios/
    } ; la limite est de { $limit }
problem-byte-order-mark = le fichier commence par deux marques d’ordre des octets (U+FEFF) ou plus ; elles sont ignorées, mais enregistrez le fichier en UTF-8 sans elles

## Résumé de `kruispunt validate`

# $root : le dossier du cours tel qu’affiché ; $errors et $warnings : des nombres, dont au moins un est supérieur à 0.
# En français, 0 et 1 sont au singulier (catégorie « one »).
validate-summary = { $root } : { $errors ->
        [0] { $warnings ->
                [one] { $warnings } avertissement
               *[other] { $warnings } avertissements
            }
        [one] { $errors } erreur{ $warnings ->
                [0] {""}
                [one] , { $warnings } avertissement
               *[other] , { $warnings } avertissements
            }
       *[other] { $errors } erreurs{ $warnings ->
                [0] {""}
                [one] , { $warnings } avertissement
               *[other] , { $warnings } avertissements
            }
    }
validate-ok = { $root } : aucun problème ({ $lessons ->
        [one] { $lessons } leçon
       *[other] { $lessons } leçons
    }, { $scenarios ->
        [one] { $scenarios } scénario
       *[other] { $scenarios } scénarios
    }, { $nodes ->
        [one] { $nodes } nœud
       *[other] { $nodes } nœuds
    })

# `kruispunt validate --watch`. $dir : le dossier du cours tel qu’il est donné.
validate-watching = Suivi de { $dir } : le cours est revérifié chaque fois qu’un de ses fichiers est enregistré. Ctrl-C arrête.
validate-watch-needs-dir = --watch demande un dossier de cours (kruispunt validate --watch DOSSIER) : le cours intégré ne change pas
# $cause : la raison donnée par le système, en anglais.
validate-watch-failed = impossible de suivre les changements de { $dir } : { $cause }

## Couverture des traductions du cours, affichée par `kruispunt validate`

coverage-heading = Couverture des traductions :
# $locale : une langue déclarée par le cours ; $present des $total textes existent dans cette langue.
coverage-line = { $locale } : { $present }/{ $total } { $total ->
        [one] texte
       *[other] textes
    } ({ $percent } %)
coverage-line-default = { $locale } (par défaut) : { $present }/{ $total } { $total ->
        [one] texte
       *[other] textes
    } ({ $percent } %)

## Aperçu du cours, affiché par `kruispunt` sans commande

outline-version = Version { $version }
outline-module = Module { $number } : { $title }
outline-kind-lesson = leçon
outline-kind-scenario = scénario
outline-minutes = { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
# $minutes vaut 0 quand aucun élément n’indique de durée.
outline-totals = { $lessons ->
        [one] { $lessons } leçon
       *[other] { $lessons } leçons
    } et { $scenarios ->
        [one] { $scenarios } scénario
       *[other] { $scenarios } scénarios
    }{ $minutes ->
        [0] .
       *[other] , environ { $minutes } minutes au total.
    }

## Erreurs de la ligne de commande

# $message : ce qui s’est mal passé, éventuellement avec les causes.
error-fatal = kruispunt : erreur : { $message }
# Relie une erreur à sa cause : « impossible de lire le cours dans X : <cause> ».
error-with-cause = { $error } : { $cause }
error-cannot-read-course = impossible de lire le cours dans { $dir }
error-cannot-read-path = impossible de lire { $path } : { $reason }
error-two-course-dirs = deux dossiers de cours donnés ({ $positional } et --course { $option }) ; n’en donnez qu’un
new-needs-course = kruispunt new écrit dans un dossier de cours : indiquez-le avec --course DOSSIER
new-invalid-id = « { $id } » ne peut pas être l’identifiant d’une leçon ou d’un scénario : utilisez des minuscules, des chiffres et des traits d’union simples (par exemple « premiere-conversation »), 64 caractères au plus
new-id-exists = le cours a déjà une leçon ou un scénario « { $id } » ; choisissez un autre identifiant
new-no-such-module = le cours n’a pas de module « { $module } » ; ses modules sont : { $modules }
new-course-has-errors = le cours contient des erreurs (ci-dessus) : corrigez-les d’abord, puis ajoutez-y
new-manifest-malformed = les modules et leurs éléments sont introuvables dans { $path }
new-written = { $file } écrit et « { $id } » ajouté au module « { $module } » dans { $manifest }.
    Ses textes commencent par « TODO » : rédigez-les, puis vérifiez le cours avec : kruispunt validate { $dir }
l10n-status-summary = { $locale } : { $missing } manquants, { $identical } identiques à { $default }
l10n-status-summary-since = { $locale } : { $missing } manquants, { $identical } identiques à { $default }, { $stale } non mis à jour après une modification en { $default } depuis { $since }
l10n-status-text = { $kind ->
        [missing] manquant
        [identical] identique
       *[stale] non mis à jour
    } : { $file } : { $path }
l10n-since-needs-course = --since compare avec une version plus ancienne dans git : indiquez le dossier du cours avec --course DOSSIER
l10n-not-a-git-repository = { $dir } n’est pas dans un dépôt git, ce dont --since a besoin
l10n-unknown-revision = git ne connaît pas la révision « { $rev } » dans { $dir }
l10n-git-failed = impossible d’exécuter git : { $reason }
error-cannot-write-output = impossible d’écrire la sortie
migrate-nothing = Rien à migrer : chaque fichier est à la version de format actuelle.
migrate-done = { $files ->
    [one] 1 fichier migré.
   *[other] { $files } fichiers migrés.
}
migrate-dry-run = { $files ->
    [one] 1 fichier serait migré (rien n’a été écrit).
   *[other] { $files } fichiers seraient migrés (rien n’a été écrit).
}
migrate-review = Relisez chaque qualité et chaque « thinker » déduits : ce sont des suppositions tirées de la version 1, qui ne les connaissait pas. Lancez ensuite `kruispunt validate --strict`.
error-cannot-write-path = impossible d’écrire { $path } : { $reason }
error-cannot-serialize-report = impossible de sérialiser le rapport
error-bad-argument = argument non valide : { $detail }
# $command : la commande dont l’aide est visée, p. ex. kruispunt ou kruispunt schema.
error-usage-hint = Tapez « { $command } --help » pour en savoir plus.
# Une ligne de commande refusée, avec ce qui était attendu. $arg : une option ou un argument
# tel que la ligne d’utilisation l’écrit (--format <FORMAT>, <KIND>) ; $value : ce qui a été donné.
# $args : les arguments manquants, séparés par des virgules ; $count : leur nombre.
argument-missing = { $count ->
        [one] il manque un argument obligatoire : { $args }
       *[other] il manque des arguments obligatoires : { $args }
    }
argument-invalid-value = valeur non valide « { $value } » pour { $arg }
argument-needs-value = { $arg } demande une valeur
argument-unexpected = argument inattendu « { $arg } »
argument-unexpected-value = valeur inattendue « { $value } » pour { $arg } ; aucune autre n’était attendue
argument-value-count = nombre de valeurs incorrect pour { $arg }
argument-needs-equals = { $arg } demande un signe égal avant sa valeur
argument-not-utf8 = un argument n’est pas en UTF-8 valide
# $name : ce qui a été tapé là où une commande était attendue.
argument-unknown-command = commande inconnue « { $name } »
# $command : la commande tapée jusque-là, p. ex. kruispunt session.
argument-needs-command = « { $command } » demande une commande
# $other : la ou les options avec lesquelles il ne peut pas être utilisé.
argument-conflict = { $arg } ne peut pas être utilisé avec { $other }
argument-repeated = { $arg } ne peut être donné qu’une fois
# $command : p. ex. kruispunt schema ; $options : les options écrites avant son nom et dont
# elle n’a pas l’usage, séparées par des virgules.
argument-not-for-command = « { $command } » n’accepte pas { $options }
# Lignes sous l’erreur ; $values et $names sont séparés par des virgules.
argument-possible-values = valeurs possibles : { $values }
argument-possible-values-of = valeurs possibles pour { $arg } : { $values }
argument-commands = commandes : { $names }
argument-similar-command = { $count ->
        [one] une commande proche existe : { $names }
       *[other] des commandes proches existent : { $names }
    }
argument-similar-option = une option proche existe : { $arg }
argument-similar-value = une valeur proche existe : { $value }
# $fixed : comment l’écrire pour qu’il soit lu comme une valeur, p. ex. -- --plain.
argument-as-value = pour passer « { $arg } » comme valeur, écrivez « { $fixed } »
# $command : une autre commande qui a cette option, avec l’option : kruispunt validate --strict.
argument-other-command = vouliez-vous dire « { $command } » ?
# $usage : comment la commande s’écrit, p. ex. kruispunt schema [OPTIONS] <KIND>.
argument-usage = Utilisation : { $usage }

## Complétion du shell et pages de manuel : `kruispunt completions`, `kruispunt man`

man-written = { $pages ->
        [one] 1 page de manuel écrite dans { $dir }.
       *[other] { $pages } pages de manuel écrites dans { $dir }.
    }

## Profils : `kruispunt profiles` et `kruispunt forget`

# $dir : le dossier de données.
profiles-heading = Profils dans { $dir } :
profiles-none = Aucun profil dans { $dir } pour l’instant ; un profil est créé quand vous commencez le cours.
# Dates et heures, telles que DATETIME() les écrit dans les messages (dans le fuseau horaire de l’utilisateur).
# Les mois, de janvier à décembre.
datetime-month-1 = janvier
datetime-month-2 = février
datetime-month-3 = mars
datetime-month-4 = avril
datetime-month-5 = mai
datetime-month-6 = juin
datetime-month-7 = juillet
datetime-month-8 = août
datetime-month-9 = septembre
datetime-month-10 = octobre
datetime-month-11 = novembre
datetime-month-12 = décembre
# $day, $month, $year : 6, décembre, 2026.
datetime-date-long = { $day } { $month } { $year }
# $hour, $minute : deux chiffres chacun, 14 et 05.
datetime-time-short = { $hour }:{ $minute }
# $date, $time : les deux ci-dessus ensemble.
datetime-date-and-time = { $date } à { $time }

# $name : le profil ; $completed des $total éléments du cours actuel sont terminés ;
# $updated : le moment du dernier enregistrement (affiché dans le fuseau horaire de l’utilisateur).
profiles-line = { $name } : { $completed } sur { $total } { $total ->
        [one] élément terminé
       *[other] éléments terminés
    }, dernière mise à jour le { DATETIME($updated, dateStyle: "long", timeStyle: "short") }
# La progression appartient à un autre cours ; $course : l’identifiant de ce cours.
profiles-line-other-course = { $name } : progression d’un autre cours (`{ $course }`), dernière mise à jour le { DATETIME($updated, dateStyle: "long", timeStyle: "short") }
# Le cours actuel n’a pas pu être chargé, il n’y a donc rien à compter.
profiles-line-no-course = { $name } : dernière mise à jour le { DATETIME($updated, dateStyle: "long", timeStyle: "short") }
profiles-line-newer = { $name } : écrit par une version plus récente de Kruispunt (format de progression { $found }) ; mettez Kruispunt à jour pour utiliser ce profil
# $damage : ce qui ne va pas dans le fichier, un des messages damage-*.
profiles-line-damaged = { $name } : le fichier de progression est endommagé ({ $damage }) ; il sera mis de côté, pas supprimé, à la prochaine ouverture du profil
profiles-line-not-a-file = { $name } : le fichier de progression n’est pas un fichier ordinaire (un lien symbolique, un dossier ou un périphérique) ; supprimez-le ou renommez-le pour utiliser ce profil
damage-empty = le fichier est vide
damage-unreadable = le fichier ne peut pas être lu : { $reason }
damage-not-json = JSON non valide : { $reason }
damage-no-version = pas de schema_version
damage-wrong-shape = ce n’est pas un fichier de progression : { $reason }

# $name : le profil ; $dir : le dossier de données.
forget-confirm = Ceci supprime toute la progression et toutes les réflexions du profil « { $name } » dans { $dir }. C’est irréversible.
# Le mot entre guillemets est celui de forget-confirm-word.
forget-prompt = Tapez « oui » pour supprimer, autre chose pour annuler :
# La réponse qui confirme ; « yes », « ja » et « oui » sont acceptés dans toutes les langues.
forget-confirm-word = oui
forget-cancelled = Annulé ; le profil « { $name } » est conservé.
forget-done = Profil « { $name } » oublié : { $files ->
        [one] { $files } fichier supprimé
       *[other] { $files } fichiers supprimés
    }.
forget-needs-confirmation = le profil « { $name } » n’est pas oublié sans confirmation, et aucune réponse n’a pu être lue ; lancez « kruispunt forget --profile { $name } --yes » pour le supprimer sans question

## Erreurs concernant les profils et les fichiers de progression

error-no-such-profile = il n’y a pas de profil « { $name } » dans { $dir }
error-profile-in-use = le profil « { $name } » est utilisé par un autre Kruispunt en cours d’exécution (processus { $pid }) ; fermez-le d’abord, ou choisissez un autre profil avec --profile NOM
error-profile-in-use-no-pid = le profil « { $name } » est utilisé par un autre Kruispunt en cours d’exécution ; fermez-le d’abord, ou choisissez un autre profil avec --profile NOM
error-profile-name-empty = un nom de profil ne peut pas être vide
error-profile-name-too-long = le nom de profil compte { $len } caractères ; { $max } au maximum sont permis
error-profile-name-character = le nom de profil « { $name } » contient « { $found } » ; utilisez uniquement les lettres a–z et A–Z, des chiffres, - et _
error-no-data-dir = impossible de trouver où garder la progression (pas de dossier personnel) ; indiquez --data-dir DOSSIER ou définissez KRUISPUNT_DATA_DIR
error-newer-progress = { $path } a été écrit par une version plus récente de Kruispunt (format de progression { $found } ; cette version lit jusqu’à { $supported }) ; il n’a pas été modifié : mettez Kruispunt à jour pour continuer avec ce profil
# $action : ce qui devait être fait avec le fichier.
error-progress-io = impossible { $action ->
        [create] de créer
        [list] de lister
        [lock] de verrouiller
        [move-aside] de mettre de côté
        [open] d’ouvrir
        [read] de lire
        [remove] de supprimer
        [replace] de remplacer
        [sync] de synchroniser
       *[write] d’écrire
    } { $path } : { $reason }
error-progress-encode = impossible d’encoder la progression : { $reason }
error-not-a-regular-file = { $path } n’est pas un fichier ordinaire (un lien symbolique, un dossier ou un périphérique) ; Kruispunt ne le suit pas et ne l’écrase pas : supprimez-le ou renommez-le
# After a failed last save. $time: when the progress file last received everything (an RFC 3339 instant, shown in the user's time zone).
save-failed-not-saved = Ce que vous avez fait après { DATETIME($time, dateStyle: "long", timeStyle: "short") } n’est pas enregistré ; { $file } contient toujours votre progression telle qu’elle était à ce moment-là.

## Erreurs que chaque interface peut afficher : la ligne de commande, l’interface du terminal et le mode simple

# Pourquoi le système a refusé une opération sur un fichier. $kind : ce qui s’est mal passé ;
# $detail : les mots du système lui-même, affichés dans tous les autres cas.
error-io-reason = { $kind ->
        [not-found] il n’existe pas
        [permission-denied] permission refusée
        [already-exists] il existe déjà
        [is-a-directory] c’est un dossier
        [not-a-directory] une partie du chemin n’est pas un dossier
        [directory-not-empty] le dossier n’est pas vide
        [storage-full] le disque est plein
        [read-only] le système de fichiers est en lecture seule
        [quota-exceeded] le quota de disque est épuisé
        [file-too-large] le fichier est trop volumineux
        [broken-pipe] l’autre extrémité du tube a été fermée
       *[other] { $detail }
    }
error-read-not-a-file = ce n’est pas un fichier ordinaire
error-read-too-large = il dépasse { $limit } octets
# $errors : le nombre d’erreurs du cours.
error-course-invalid = le cours contient { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    } ; `kruispunt validate` les énumère
error-migrate-unreadable = ce n’est pas un fichier de cours valide : { $reason }
error-migrate-too-new = format_version { $found } est plus récent que ce que cette version de Kruispunt sait lire
error-progress-migration-not-an-object = le fichier de progression n’est pas un objet JSON
error-progress-migration-malformed = le champ `{ $field }` d’un fichier de progression de version { $version } est mal formé
error-progress-migration-too-old = le format de progression { $version } est trop ancien pour être lu
error-no-such-session = il n’y a pas de séance { $id }
error-session-damaged = { $path } n’est pas un journal de séance que cette version sait lire : { $reason }
# Ce que le moteur du cours a refusé. Cela ne devrait pas arriver avec un cours qui passe
# `kruispunt validate` ; les identifiants sont ceux du cours, entre accents graves.
engine-error-run-ended = la conversation est terminée
# $number : la réponse demandée, à partir de 1 ; $count : le nombre de réponses.
engine-error-no-choice-at = il n’y a pas de réponse numéro { $number } ici ; cette étape propose { $count ->
        [one] { $count } réponse
       *[other] { $count } réponses
    }
engine-error-unknown-choice = il n’y a pas de réponse `{ $id }` ici
engine-error-choice-not-offered = la réponse `{ $id }` n’est pas proposée maintenant
engine-error-auto-cycle = la conversation tourne en rond au nœud `{ $id }`, sans décision ni fin
engine-error-no-route = aucune branche de la route du nœud `{ $id }` ne s’applique
engine-error-no-such-node = le nœud numéro { $number } n’est pas dans ce scénario
# $number : la décision demandée, à partir de 1 ; $taken : le nombre de décisions prises.
engine-error-no-such-decision = il n’y a pas de décision { $number } à laquelle revenir (décisions prises : { $taken })
engine-error-unknown-scene = la leçon n’a pas de scène `{ $id }`
preview-error-unknown-node = le scénario n’a pas de nœud `{ $id }` ; ses nœuds sont : { $nodes }
preview-error-unknown-variable = le scénario n’a pas de variable `{ $id }` ; ses variables sont : { $variables }
preview-error-no-variables = le scénario n’a pas de variable `{ $id }` : il n’en a aucune
preview-error-out-of-range = `{ $id }` va de { $min } à { $max }, pas { $value }
preview-error-bad-setting = `{ $setting }` n’est pas de la forme VARIABLE=NOMBRE (par exemple trust=40)
play-no-such-scenario = le cours n’a pas de scénario `{ $id }` ; ses scénarios sont : { $scenarios }
play-bye = Fin de l’aperçu : rien n’a été enregistré.
engine-error-wrong-scene-kind = ceci n’est possible que dans { $kind ->
        [glossary] un glossaire
        [reflection] une réflexion
        [checklist] une liste de contrôle
       *[quiz] un quiz
    }
engine-error-content-note-pending = l’avertissement de contenu n’a pas encore été accepté
engine-error-unknown-option = il n’y a pas d’option `{ $id }` ici
engine-error-duplicate-option = l’option `{ $id }` a été choisie deux fois
engine-error-selection-count = choisissez { $expected ->
        [one] exactement une option
       *[at-least-one] au moins une option
    }, pas { $selected }
engine-restore-other-scenario = la conversation enregistrée appartient au scénario `{ $saved }`, pas à `{ $scenario }`
# $number : la réponse enregistrée, à partir de 1 ; $reason : un des messages engine-error-*.
engine-restore-replay = la réponse enregistrée { $number } (`{ $choice }`) ne peut pas être rejouée : { $reason }
engine-restore-mismatch = la conversation enregistrée ne correspond plus au scénario : { $what ->
        [node] elle aboutit à un autre nœud
        [visited-nodes] elle passe par d’autres nœuds
       *[variables] ses variables diffèrent
    }

## Interface du terminal : cadre, aide, accueil, réglages

tui-too-small = Agrandissez la fenêtre : Kruispunt a besoin d’au moins { $width } colonnes et { $height } lignes.
help-title = Aide
help-screen-keys = Sur cet écran
help-global-keys = Partout
help-close = Appuyez sur ?, Échap ou Entrée pour fermer l’aide.
# $count: lines of the help below (or above) the part shown, on a small terminal.
help-more-below = ↓ encore { $count } (↓)
help-more-above = ↑ encore { $count } (↑)
# Key names in the key bar and the help (the keys themselves are not translated).
key-name-enter = Entrée
key-name-esc = Échap
key-name-space = Espace
key-name-tab = Tab
key-name-shift-tab = Maj-Tab
key-name-page-up = PgPréc
key-name-page-down = PgSuiv
key-name-ctrl-c = Ctrl-C
key-help = aide
key-quit = quitter
key-interrupt = enregistrer et quitter tout de suite
key-language = changer de langue
key-gloss = deuxième langue en dessous (oui/non)
key-theme = changer de thème (standard / contraste élevé)
key-move = se déplacer
key-open = ouvrir
key-continue = reprendre là où vous en étiez
key-settings = réglages
key-change = modifier
key-back = retour
home-title = Aperçu
home-progress = Progression : { $done } sur { $total } { $total ->
        [one] partie terminée
       *[other] parties terminées
    }
home-module = Module { $number } : { $title }
home-kind-lesson = Leçon
home-kind-scenario = Conversation d’entraînement
home-minutes = { $minutes } min
home-continue = Reprendre là où vous en étiez : { $title }
home-start = Commencer le cours : { $title }
# The short core path of the course (about an hour), next to "continue"; $title: its next item.
home-core-path = Parcours essentiel (environ { $minutes } min), { $done } sur { $total } { $done ->
        [one] terminé
       *[other] terminés
    } : { $title }
home-settings = Réglages : langue, thème, deuxième langue
settings-title = Réglages
settings-language = Langue
settings-language-name = Français
settings-theme = Thème
settings-theme-default = standard
settings-theme-high-contrast = contraste élevé
settings-gloss = Deuxième langue en dessous
settings-gloss-off = non
settings-hint = Les changements s’appliquent tout de suite et sont gardés dans votre profil.
settings-no-color = NO_COLOR est défini : l’interface n’utilise aucune couleur, seulement le gras, le soulignement et l’inversion.

## Starting the interactive course (`kruispunt` without a command)

start-needs-terminal = le cours interactif a besoin d’un terminal, mais la sortie va vers un tube ou un fichier. Lancez `kruispunt` dans une fenêtre de terminal ; `kruispunt outline` affiche l’aperçu du cours, et `kruispunt --help` liste les autres commandes.
# --plain avec --facilitator.
facilitator-no-plain = le mode animateur n’a pas de version simple : il est fait pour un groupe devant un projecteur et a besoin d’un terminal. Lancez `kruispunt --facilitator` dans une fenêtre de terminal, ou `kruispunt --plain` pour suivre le cours vous-même, ligne par ligne.
# $reason: the system's description of the problem.
start-terminal-failed = le terminal n’a pas pu être utilisé pour le cours interactif : { $reason }
# $reason: why the save failed (file and system error).
tui-save-failed = Votre progression n’a pas pu être enregistrée ({ $reason }). Kruispunt réessaie à l’étape suivante et quand vous quittez.
start-notice-damaged-restored = Votre fichier de progression était endommagé ; la version enregistrée précédente a été chargée, votre dernière étape peut donc manquer.
start-notice-damaged-fresh = Votre fichier de progression était endommagé et aucune copie n’était utilisable : votre progression repart de zéro.
# $file: the name of the damaged file, now set aside in the data directory.
start-notice-damaged-kept = Le fichier endommagé est conservé tel quel sous le nom { $file } dans le dossier de données.
start-notice-backup-damaged-kept = Sa copie de sauvegarde était endommagée aussi et est conservée sous le nom { $file }.
start-notice-journal-damaged-kept = Vos dernières étapes n’ont pas toutes pu être relues : ce qui était lisible est conservé, et le fichier endommagé est conservé tel quel sous le nom { $file } dans le dossier de données.
start-notice-restored-from-backup = Votre fichier de progression manquait ; sa copie de sauvegarde a été chargée.
start-notice-migrated = Votre progression a été enregistrée par une ancienne version de Kruispunt et a été mise à jour ; l’ancien fichier est gardé comme sauvegarde.
# $saved, $current: the course version in the progress file and now.
start-notice-course-version-changed = Le cours a été mis à jour (version { $saved } → { $current }). Votre progression est conservée ; celle des parties qui n’existent plus n’est pas affichée.
# $course: the id of the course the profile was used with.
start-notice-other-course = Ce profil a servi pour un autre cours ({ $course }) ; cette progression est conservée mais n’est pas affichée ici.
outline-start-hint = Lancez le cours interactif avec `kruispunt` dans un terminal.

## kruispunt graph

# $outcome : good, mixed ou poor ; $title : le titre de la fin, raccourci.
graph-ending = { $outcome ->
        [good] fin favorable
        [mixed] fin mitigée
       *[poor] fin peu favorable
    } : { $title }
# La légende sous le titre d’un graphe SVG : ce que veut dire chaque forme et chaque ligne.
graph-legend = ◇ point de décision · ▢ passe à la suite (next, route) · ⬡ fin · flèche en tirets : seulement sous sa condition · bordure rouge en tirets : inaccessible ou impasse
graph-unreachable = inaccessible
graph-dead-end = impasse
# $id : l’identifiant demandé ; $known : les identifiants des scénarios du cours, séparés par « , » ; $count : leur nombre.
graph-unknown-scenario = { $count ->
        [0] il n’y a pas de scénario « { $id } » : ce cours n’a aucun scénario
       *[other] il n’y a pas de scénario « { $id } » dans ce cours ; ses scénarios sont : { $known }
    }
# $scenario : l’identifiant du scénario ; $file : le fichier écrit.
graph-written = Graphe de { $scenario } écrit dans { $file }

## Terminal interface: lesson screen

lesson-missing = Cette leçon ne fait pas partie du cours. Appuyez sur une touche pour revenir à l’aperçu.
lesson-scene-position = Scène { $number } sur { $total }
lesson-kind-text = Texte
lesson-kind-testimony = Témoignage
lesson-kind-key-points = Points clés
lesson-kind-glossary = Glossaire
lesson-kind-quiz = Quiz
lesson-kind-reflection = Réflexion
lesson-kind-checklist = Liste de contrôle
lesson-more-below = ↓ suite plus bas : ↓ ou PgDn
lesson-more-above = ↑ début plus haut : ↑ ou PgUp
lesson-note-title = Avertissement sur le contenu
lesson-note-choice = Appuyez sur Entrée pour lire cette scène, ou sur s pour la passer. Vous pourrez y revenir plus tard avec ←.
lesson-testimony-fictional = Personnage fictif et composite : { $name } n’existe pas. Ce récit rassemble des expériences qui reviennent souvent.
lesson-testimony-persona-age = { $name }, { $age } ans
lesson-card-position = Carte { $number } sur { $total }
lesson-card-front = recto
lesson-card-back = verso
lesson-card-turn-hint = Espace ou Entrée retourne la carte.
lesson-card-note = À noter
lesson-card-keys = Espace ou Entrée : retourner · n p : autres cartes · ← → : autres scènes
lesson-quiz-single = Choisissez une réponse.
lesson-quiz-multiple = Choisissez toutes les réponses correctes.
lesson-quiz-how = Choisissez avec ↑ ↓ et Espace, ou avec une touche chiffrée ; appuyez ensuite sur Entrée pour répondre.
lesson-quiz-pick-one = Choisissez d’abord une réponse (Espace ou une touche chiffrée), puis appuyez sur Entrée.
lesson-quiz-pick-some = Choisissez d’abord au moins une réponse (Espace ou une touche chiffrée), puis appuyez sur Entrée.
lesson-option-correct = bonne réponse
lesson-option-incorrect = pas correct
lesson-option-chosen = votre choix
lesson-quiz-right = Votre réponse est correcte.
lesson-quiz-wrong = Votre réponse n’est pas tout à fait correcte. Lisez le commentaire sous chaque option.
lesson-quiz-explanation = Explication
lesson-quiz-retry-hint = Appuyez sur r pour réessayer. C’est votre première réponse qui compte.
lesson-quiz-not-yet = Pas encore correct. Lisez le commentaire sur votre choix, puis réessayez.
lesson-quiz-shown = Voici la bonne réponse, comme vous l’avez demandé.
lesson-quiz-retry-or-reveal-hint = Appuyez sur r pour réessayer, ou sur a pour voir la bonne réponse. C’est votre première réponse qui compte.
# $result : "right" ou "wrong", ce que valait la première réponse.
lesson-quiz-first-counts = Nouvel essai : c’est votre première réponse qui compte, et elle était { $result ->
        [right] correcte
       *[wrong] pas tout à fait correcte
    }.
lesson-reflection-hint = Pour commencer
lesson-reflection-private = Ce que vous écrivez reste sur cet ordinateur, dans votre profil. Personne d’autre ne le lit.
lesson-reflection-how-start = Appuyez sur Entrée ou e pour écrire ; Échap quand vous avez fini.
lesson-reflection-how-stop = Vous écrivez : Échap quand vous avez fini. Votre texte est enregistré pendant que vous tapez.
lesson-reflection-your-answer = Votre réponse
lesson-reflection-editing = En cours d’écriture (Échap : terminé)
lesson-reflection-empty = Rien d’écrit pour l’instant. Appuyez sur Entrée ou e pour écrire.
lesson-checklist-count = { $done } sur { $total } cochés
lesson-done-title = Leçon terminée
lesson-done = Vous avez terminé la leçon « { $title } ».
lesson-done-scenes = Vous avez parcouru { $done } { $done ->
        [one] scène
       *[other] scènes
    } sur { $total }.
lesson-done-quizzes = Questions réussies du premier coup : { $right } sur { $total }.
lesson-done-quizzes-unanswered = { $count ->
        [one] Une question est restée sans réponse.
       *[other] { $count } questions sont restées sans réponse.
    }
lesson-done-skipped = Vous avez passé { $count } { $count ->
        [one] scène
       *[other] scènes
    } ; vous pouvez y revenir avec ←.
lesson-done-home = Appuyez sur Entrée pour revenir à l’aperçu, ou sur ← pour revoir la dernière scène.
lesson-key-next = scène suivante
lesson-key-previous = scène précédente
lesson-key-scroll = faire défiler
lesson-key-read-on = lire cette scène
lesson-key-skip = passer cette scène
lesson-key-turn = retourner la carte
lesson-key-card = autre carte
lesson-key-select = choisir
lesson-key-answer = répondre
lesson-key-retry = réessayer
lesson-key-reveal = afficher la réponse
lesson-key-write = écrire
lesson-key-stop-writing = arrêter d’écrire
lesson-key-tick = cocher
lesson-key-home = retour à l’aperçu

## Scenario screen: conversation, ending, rewind, branch map, compare

scenario-missing = Cette conversation d’entraînement ne fait pas partie du cours. Appuyez sur Échap pour revenir.
scenario-engine-error = Cette conversation d’entraînement ne peut pas continuer : { $reason }
scenario-fell-back = Le cours a changé depuis votre dernière visite : cette conversation recommence depuis le début.
scenario-content-note = Avertissement de contenu
scenario-setting = Situation
scenario-goal = Votre objectif
scenario-note-continue = Entrée : commencer la conversation · s : la passer pour l’instant (retour à l’aperçu)
scenario-intro-continue = Entrée : commencer la conversation · Échap : retour à l’aperçu
scenario-speaker = { $name } ({ $role })
# $mood: how a character comes across in a line.
scenario-mood = { $mood ->
        [neutral] neutre
        [calm] calme
        [hopeful] plein d’espoir
        [relieved] soulagé
        [warm] chaleureux
        [guarded] sur ses gardes
        [anxious] anxieux
        [confused] perplexe
        [sad] triste
        [hurt] blessé
        [angry] fâché
       *[other] { $mood }
    }
# $outcome: good, mixed or poor.
scenario-outcome = { $outcome ->
        [good] bonne
        [mixed] mitigée
       *[poor] peu favorable
    }
scenario-you = Vous
scenario-transcript = Conversation
scenario-choices = Votre réponse
scenario-stuck = Aucune réponse n’est possible ici. Revenez d’une décision (b) ou recommencez (r).
scenario-coach = Coach
scenario-thought = Ce que pense { $name }
scenario-more-below = ↓ encore { $count } { $count ->
        [one] ligne
       *[other] lignes
    } plus bas (PgDn)
scenario-key-start = commencer
scenario-key-skip = passer pour l’instant
scenario-key-number = choisir cette réponse
scenario-key-choose = choisir une réponse
scenario-key-select = sélectionner une réponse (en cas d’égalité)
scenario-key-scroll = faire défiler la conversation
scenario-key-back-one = revenir d’une décision
scenario-key-rewind = revenir à une décision
scenario-key-replay = recommencer depuis le début
scenario-key-map = carte des embranchements
scenario-key-compare = comparer des essais
scenario-key-scroll-page = faire défiler
scenario-key-pick-decision = choisir une décision
scenario-key-go-back = y revenir
scenario-key-compare-side = essai de gauche ou de droite
scenario-key-compare-attempt = un autre essai
ending-heading = Fin : { $outcome } · { $title }
ending-debrief = Débriefing
ending-final = Où cela s’est terminé (écart par rapport au début)
ending-path = Votre parcours, avec le retour du coach
ending-none = aucune
ending-next = r recommencer · w revenir à une décision · m carte · c comparer
# $quality: best, acceptable, weak or harmful (how good a choice is).
scenario-quality = { $quality ->
        [best] meilleure
        [acceptable] acceptable
        [weak] faible
       *[harmful] nuisible
    }
# $score: shown, breached or not_met (what an attempt says about a competency).
scenario-score = { $score ->
        [shown] montrée
        [breached] enfreinte
       *[not_met] pas encore montrée
    }
ending-competencies = Compétences
ending-qualities = Vos réponses par qualité
# $quality: a quality's symbol and word, e.g. "++ best".
ending-quality-count = { $quality } : { $count }
ending-turning = Tournants : là où une autre réponse aurait davantage aidé
ending-turning-none = À chaque décision, vous avez choisi l’une des meilleures réponses proposées.
# $number: the decision's number in the attempt; $point: who said what just before it.
ending-turning-decision = Décision { $number } : { $point }
# $quality: the quality's symbol and word (or, in plain mode, the word).
ending-turning-taken = Votre réponse ({ $quality }) :
ending-turning-better = Une meilleure réponse ({ $quality }) :
ending-turning-feedback = Le coach à propos de cette meilleure réponse :
# $outcome: good or mixed, the best ending still possible after the better answer.
ending-turning-lost = { $outcome ->
        [good] Votre réponse a fermé la porte à la bonne fin ; après la meilleure réponse, elle restait possible.
       *[other] Votre réponse a fermé la porte à une fin plus favorable ; après la meilleure réponse, une fin mitigée restait possible.
    }
# $outcome: good, mixed or poor, the best ending still possible after your answer.
ending-turning-kept = { $outcome ->
        [good] Après votre réponse, une bonne fin restait possible.
        [mixed] Après votre réponse, une fin mitigée restait possible.
       *[poor] Après votre réponse, seule une fin peu favorable restait possible.
    }
rewind-title = Revenir à une décision
rewind-hint = Choisissez la décision à reprendre (↑↓ ou son numéro, puis Entrée). Cet essai reste enregistré.
rewind-empty = Vous n’avez encore pris aucune décision.
rewind-answered = vous avez répondu : { $answer }
map-title = Carte des embranchements : ce que vous avez exploré dans tous vos essais
map-summary = Réponses explorées : { $explored } sur { $total } · fins atteintes : { $endings } sur { $all_endings }
map-legend = ✓ exploré · ? pas encore exploré · ■ fin atteinte · ◀ vous êtes ici
# $qualities: each quality's symbol and word, e.g. "++ best · + acceptable · …".
map-legend-quality = Qualité d’une réponse essayée : { $qualities }
map-ending = Fin : { $outcome } · { $title }
map-ending-unknown = une fin que vous n’avez pas encore atteinte
map-here = vous êtes ici
map-shown-above = suite comme plus haut
compare-title = Comparer deux essais
compare-need-two = Il faut au moins deux essais pour comparer. Recommencez (r) ou revenez à une décision (w), puis revenez ici.
compare-hint = Tab : gauche ou droite · ←→ : un autre essai · ↑↓ : défiler · Échap : retour
compare-same-start = Les deux essais commencent par { $count ->
        [one] la même réponse
       *[other] les mêmes { $count } réponses
    }.
compare-differ-at-once = Les essais diffèrent dès la première réponse.
compare-split = Ils se séparent à la décision { $number } : { $point }
compare-identical = Ces essais ont donné les mêmes réponses jusqu’ici.
compare-attempt = Essai { $number }
compare-no-ending = pas terminé
compare-after = À partir de l’embranchement, vous avez répondu :
compare-nothing-after = rien encore

## Mode animateur (kruispunt --facilitator)
facilitator-title = Animation
facilitator-jump-title = Aller à un module, une leçon, une scène ou un choix
facilitator-jump-session = Séance { $id } · le journal est enregistré au fur et à mesure
facilitator-module = Module { $number } : { $title }
facilitator-kind-lesson = leçon
facilitator-kind-scenario = scénario
facilitator-scene = scène { $number } : { $title }
facilitator-node-start = début : { $label }
facilitator-node = choix : { $label }
facilitator-ending = fin ({ $outcome }) : { $title }
facilitator-notes-title = Notes pour l’animateur·rice
facilitator-notes-none = Pas de notes pour l’animateur·rice ici.
facilitator-notes-questions = Questions pour le groupe
facilitator-notes-minutes = Durée proposée : { $minutes } min
facilitator-note-title = Note pour le journal de séance
facilitator-note-hint = Tapez votre note. Échap l’enregistre et ferme, Ctrl-X l’abandonne. Une note vide n’est pas enregistrée.
facilitator-note-key-save = enregistrer et fermer
facilitator-note-key-cancel = abandonner
facilitator-note-saved = Note enregistrée dans le journal de séance.
facilitator-note-cancelled = Note non enregistrée.
facilitator-key-jump = menu de navigation
facilitator-key-notes = afficher ou masquer le panneau de notes
facilitator-key-note = écrire une note
facilitator-key-open = ouvrir
facilitator-key-fold = déplier ou replier
facilitator-ended = Séance { $id } enregistrée. Créez le document avec : kruispunt session export { $id } --format html
vote-title = Vote du groupe
vote-key-add = ajouter une voix
vote-key-remove = retirer une voix
vote-key-reveal = afficher ou masquer les voix
vote-key-pick = continuer avec cette réponse
vote-counted = { $total ->
        [one] 1 voix comptée
       *[other] { $total } voix comptées
    } · affichage avec v
vote-remove-armed = Retirer une voix : appuyez sur le numéro de la réponse
vote-winner = Le plus de voix : réponse { $number }. Entrée pour continuer avec elle.
# $tied: the numbers of the answers that share the most votes, e.g. "1, 2".
vote-tie = Égalité entre les réponses { $tied } : sélectionnez-en une avec ↑↓, puis Entrée.
# $number: the selected answer, not one of the tied ones; $tied: the numbers of the tied answers.
vote-tie-refused = La réponse { $number } n’a pas eu le plus de voix : sélectionnez avec ↑↓ une des réponses à égalité ({ $tied }), puis Entrée.
vote-none = Pas encore de voix : Entrée continue avec la réponse sélectionnée.
vote-bar = { $votes ->
        [one] 1 voix
       *[other] { $votes } voix
    }
timer-label = Discussion
timer-running = en cours
timer-paused = en pause
timer-ready = prêt (t pour démarrer)
timer-over = le temps est écoulé
timer-key-toggle = minuteur démarrer ou pause
timer-key-minutes = minutes du minuteur
timer-key-reset = remettre le minuteur à zéro
session-list-empty = Aucune séance animée dans { $dir }.
session-list-heading = Séances animées dans { $dir } :
session-list-line = { $id } · { DATETIME($start, dateStyle: "long", timeStyle: "short") } · { $course } · { $votes ->
        [one] 1 vote
       *[other] { $votes } votes
    }
session-list-unreadable = Un fichier de séance est illisible : { $reason }
session-bad-id = « { $id } » n’est pas un identifiant de séance ; `kruispunt session list` les affiche.
session-not-found = Il n’y a pas de séance { $id } dans { $dir } ; `kruispunt session list` les affiche.
session-read-failed = Impossible de lire la séance : { $reason }
session-export-written = Document écrit dans { $file }.
session-export-title = Séance { $id }
session-export-course = Formation : { $course } (version { $version })
session-export-when = Du { DATETIME($start, dateStyle: "long", timeStyle: "short") } au { DATETIME($end, dateStyle: "long", timeStyle: "short") }
session-export-shown = Ce qui a été montré
session-export-rewound = Retour en arrière : { $item } › { $node }
session-export-votes = Les votes et le chemin choisi par le groupe
session-export-vote-heading = Choix { $number } · { $item } · { $node }
# $choices: the answers that shared the most votes, joined by " · ".
session-export-tie = Égalité entre : { $choices }. La personne qui anime a tranché.
session-export-chosen = Le groupe a choisi : { $choice }
# $choice: an answer; $quality: its quality (report-quality).
session-export-choice = { $choice } · { $quality }
# $qualities: the votes per quality, each a session-export-quality-votes, joined by " · ".
session-export-vote-qualities = Les votes du groupe par qualité : { $qualities }
# $quality: a quality (report-quality); $votes: the votes for answers of that quality.
session-export-quality-votes = { $quality } : { $votes }
session-export-time = Temps par élément
session-export-duration = { $minutes } min { $seconds } s
session-export-notes = Notes de l’animateur·rice
session-export-none = Rien.

## Le serveur d’atelier (`kruispunt serve`)

serve-started =
    Serveur d’atelier Kruispunt : { $title }
    Adresse : { $address }
    Atelier : { $workshop }
    Code d’accès : { $code }
    Empreinte de la clé d’hôte : { $fingerprint }
    Les participant·es tapent : ssh -p { $port } NOM@CET-ORDINATEUR, puis le code d’accès.
    Arrêt avec Ctrl-C : la progression de chaque participant·e est enregistrée.
serve-only-this-computer = Seul cet ordinateur peut se connecter pour l’instant. Pour que les participant·es de la salle se connectent, relancez avec --listen 0.0.0.0 et autorisez le port TCP { $port } dans le pare-feu de cet ordinateur.
serve-open-to-network = Les participant·es du réseau peuvent se connecter : autorisez le port TCP { $port } dans le pare-feu, et faites comparer l’empreinte ci-dessus avec celle que montre ssh.
serve-host-key-created = Une nouvelle clé d’hôte a été créée et enregistrée dans { $file }. Son empreinte reste la même à chaque démarrage.
serve-code-prompt = Code d’accès :
serve-join-welcome = Bienvenue dans cet atelier. Votre progression est conservée sur l’ordinateur de la personne qui anime l’atelier, sous le nom que vous choisissez.
serve-join-prompt = Tapez votre nom (lettres, chiffres, - et _) puis Entrée. Échap pour partir.
serve-join-name-in-use = Le nom { $name } est déjà utilisé dans cet atelier. Choisissez-en un autre.
serve-join-full = L’atelier est complet ({ $max } places). Adressez-vous à la personne qui anime l’atelier.
serve-needs-pty = Le cours a besoin d’un terminal : connectez-vous sans -T.
serve-goodbye = Votre progression est enregistrée. À la prochaine fois.
serve-goodbye-left = Au revoir.
serve-goodbye-idle = La connexion a été fermée après un long moment sans frappe. Votre progression est enregistrée : reconnectez-vous pour continuer.
serve-goodbye-not-saved = Vos dernières étapes n’ont pas pu être enregistrées : { $reason }. Prévenez la personne qui anime l’atelier.
serve-goodbye-ended = L’atelier est terminé. Votre progression est enregistrée.
serve-log-joined = { $name } a rejoint l’atelier ({ $count } connecté·es).
serve-log-left = { $name } est parti·e ; sa progression est enregistrée.
serve-log-not-saved = { $name } est parti·e, mais ses dernières étapes n’ont pas pu être enregistrées : { $reason }
serve-log-wrong-code = Mauvais code d’accès depuis { $ip } : cette adresse attend { $seconds } s avant le prochain essai.
serve-log-backing-off = Connexion refusée depuis { $ip } : cette adresse doit encore attendre { $seconds } s après de mauvais codes.
serve-log-refused = { $request } refusé depuis { $ip }.
serve-log-too-many = Connexion depuis { $ip } fermée aussitôt : { $max } connexions sont déjà ouvertes.
serve-log-stopping = Arrêt : chaque participant·e est enregistré·e et apprend que l’atelier est terminé.
serve-log-stopped = Le serveur d’atelier est arrêté.
serve-error-workshop-id = Cet identifiant d’atelier n’est pas utilisable : { $reason }
serve-error-empty-code = Le code d’accès ne peut pas être vide.
serve-error-read-host-key = Impossible de lire la clé d’hôte { $file } : { $reason }
serve-error-write-host-key = Impossible d’enregistrer la clé d’hôte { $file } : { $reason }
serve-error-random = Le système d’exploitation n’a pas fourni de nombres aléatoires : { $reason }
serve-error-bind = Impossible d’écouter sur { $address } : { $reason }
serve-error-io = Le serveur d’atelier s’est arrêté : { $reason }
serve-error-facilitator-keys = Impossible de lire les clés de l’animateur ou l’animatrice { $file } : { $reason }
serve-log-facilitator = L’animateur ou l’animatrice s’est connecté·e avec sa clé depuis { $ip }.
serve-log-dashboard = Un tableau de bord d’animation a été ouvert.
serve-log-group-step = Étape de groupe : dans { $scenario } à { $node }, le groupe a choisi { $choice }.
serve-log-group-log = Les étapes de groupe sont gardées dans le journal de session { $id } ; ensuite, kruispunt session export { $id } --format html crée le document à distribuer.
serve-log-group-log-failed = Les étapes de groupe ne peuvent pas être écrites dans un journal de session : { $reason }
serve-banner-message = Animation : { $message }
serve-banner-group-step = Étape de groupe : votre réponse est votre vote ; l’animation fait avancer le groupe.
dashboard-title = Atelier { $workshop } · code { $code } · { $view }
dashboard-view-presenter = vue de présentation
dashboard-view-private = vue privée (noms et notes : ne pas projeter)
dashboard-room-title = Salle · { $count } connecté·es
dashboard-room-empty = Personne n’a encore rejoint l’atelier.
dashboard-trainee-number = Participant·e { $number }
dashboard-col-who = Qui
dashboard-col-where = Où
dashboard-col-idle = Inactif
dashboard-col-endings = Fins
dashboard-col-modules = Modules
dashboard-where-overview = vue d’ensemble
dashboard-idle = { $minutes } min
dashboard-group-title = Étape de groupe · { $scenario }
dashboard-group-none = Pas d’étape de groupe : g choisit un point de décision pour tout le monde.
# $label : le point de décision ; $voters sur $present ont voté.
dashboard-group-point = { $label } · { $voters } sur { $present } ont voté
dashboard-group-moved = Le groupe a choisi la réponse { $number }. n : le point de décision suivant · f : jeu libre.
dashboard-tie-pick = Égalité : choisissez une des réponses à égalité avec ↑↓ ou son numéro, puis Entrée.
dashboard-no-next = Pas de point de décision suivant : le groupe est arrivé à une fin. f : jeu libre.
dashboard-not-a-decision = Choisissez un point de décision d’un scénario (→ déplie un scénario).
dashboard-play-title = Jeu libre
dashboard-play-line = { $scenario } : fins atteintes { $endings } · tournants : { $points }
dashboard-play-none = Aucune fin atteinte pour l’instant.
dashboard-locked = La salle est verrouillée sur { $item } (l déverrouille).
dashboard-message = Sur chaque écran : { $message }
dashboard-message-prompt = Message sur chaque écran (Entrée envoie, vide efface, Échap annule) :
dashboard-keys = g étape de groupe · v votes · ↑↓ choisir · Entrée avancer · n suivant · f jeu libre · l verrouiller · m message · p vue · t minuteur · q quitter
dashboard-keys-pick = ↑↓ se déplacer · → déplier · Entrée lancer ici pour tout le monde · Échap retour

## Ateliers conservés par le serveur : `kruispunt workshop forget`

workshop-forget-confirm = Ceci efface la progression et les réflexions de chaque participant·e de l’atelier « { $id } » dans { $dir }. C’est irréversible.
workshop-forget-cancelled = Annulé ; l’atelier « { $id } » est conservé.
workshop-forget-done = Atelier « { $id } » oublié : { $trainees ->
        [one] la progression d’1 participant·e a été effacée.
       *[other] la progression de { $trainees } participant·es a été effacée.
    }
workshop-forget-needs-confirmation = l’atelier « { $id } » n’est pas oublié sans confirmation, et aucune réponse n’a pu être lue ; lancez « kruispunt workshop forget { $id } --yes » pour l’effacer sans confirmation
workshop-forget-none = il n’y a pas d’atelier « { $id } » dans { $dir }

## kruispunt export et kruispunt report (le rapport de groupe pour l'animateur·rice).
# $name : nom du profil ; $file : le fichier d'export écrit.
export-written = Résultats du profil « { $name } » écrits dans { $file } (sans les réflexions).
export-written-with-reflections = Résultats du profil « { $name } » écrits dans { $file }, avec les réflexions.
# $file : où le fichier de progression endommagé a été déplacé.
export-damaged-profile = attention : le fichier de progression de ce profil était endommagé et a été mis de côté sous { $file } ; l’export contient ce qui a pu être récupéré.
# kruispunt xapi export. $count : le nombre de déclarations ; $name : le profil ; $file : le fichier de sortie.
xapi-written = { $count ->
        [one] { $count } déclaration xAPI du profil « { $name } » écrite
       *[other] { $count } déclarations xAPI du profil « { $name } » écrites
    } dans { $file } (sans les réflexions).
# Comme xapi-written, avec la ou le participant·e sous un pseudonyme ($name n’est pas montré).
xapi-written-pseudonymised = { $count ->
        [one] { $count } déclaration xAPI écrite
       *[other] { $count } déclarations xAPI écrites
    } dans { $file }, avec un pseudonyme à la place du profil (sans les réflexions).
# $value : ce qui a été donné.
xapi-bad-base-iri = --base-iri { $value } n’est pas un IRI absolu commençant par https:// ou http:// (sans requête ni fragment)
xapi-bad-home-page = --home-page { $value } n’est pas une URL absolue commençant par https:// ou http://
# $variable : la variable d’environnement qui contient le sel.
xapi-no-salt = --pseudonymise a besoin d’un sel secret dans la variable d’environnement { $variable } ; gardez le même sel pour garder les mêmes pseudonymes
# $length : la longueur du sel ; $minimum : le nombre minimal de caractères accepté.
xapi-short-salt = le sel de --pseudonymise a { $length } caractères ; utilisez-en au moins { $minimum }, sinon les pseudonymes peuvent être devinés
# kruispunt xapi export --workshop. $count : le nombre de déclarations ; $id : l’atelier ; $file : le fichier de sortie.
xapi-written-workshop = { $count ->
        [one] { $count } déclaration xAPI de l’atelier « { $id } » écrite
       *[other] { $count } déclarations xAPI de l’atelier « { $id } » écrites
    } dans { $file } (sans les réflexions).
xapi-workshop-or-profile = indiquez --workshop ou --profile, pas les deux
# $id : l’atelier ; $dir : le dossier de données.
xapi-no-workshop = il n’y a pas d’atelier « { $id } » dans { $dir }
xapi-lrs-missing-endpoint = pas de point d’accès LRS : indiquez --endpoint URL, définissez KRUISPUNT_LRS_ENDPOINT, ou enregistrez-le avec kruispunt xapi configure
xapi-lrs-missing-username = pas de nom d’utilisateur LRS : indiquez --username NOM, définissez KRUISPUNT_LRS_USERNAME, ou enregistrez-le avec kruispunt xapi configure
xapi-lrs-missing-password = pas de mot de passe LRS : indiquez --password-file FICHIER, définissez KRUISPUNT_LRS_PASSWORD, ou enregistrez-le avec kruispunt xapi configure
# $value : le point d’accès donné (sans utilisateur ni mot de passe éventuels).
xapi-lrs-bad-endpoint = le point d’accès LRS { $value } n’est pas une URL commençant par https:// ou http:// (sans utilisateur, mot de passe, ? ni #)
# $file : le fichier de configuration ou de mot de passe ; $reason : le message du système.
xapi-lrs-unreadable = impossible de lire { $file } : { $reason }
# $file : le fichier de configuration ; $where : la ligne et la colonne.
xapi-lrs-damaged = { $file } n’est pas un fichier de configuration LRS (un objet JSON avec endpoint, username et password) : erreur à { $where }
# $variable : la variable d’environnement qui nomme le fichier de configuration.
xapi-lrs-no-config-dir = impossible de trouver un dossier de configuration pour les réglages LRS ; définissez { $variable } vers un fichier
# $endpoint : le point d’accès LRS ; $status : 401 ou 403.
xapi-lrs-unauthorized = le LRS à { $endpoint } a refusé le nom d’utilisateur et le mot de passe (HTTP { $status }) ; vérifiez-les, ou lancez kruispunt xapi configure
# $endpoint : le point d’accès LRS ; $detail : ce qu’a dit la bibliothèque TLS.
xapi-lrs-tls = pas de connexion sécurisée avec le LRS à { $endpoint } ({ $detail }) ; vérifiez que le point d’accès parle HTTPS et que son certificat est valable pour ce nom
# $endpoint : le point d’accès LRS ; $attempts : le nombre d’essais ; $last : le dernier échec.
xapi-lrs-gave-up = le LRS à { $endpoint } est resté injoignable ou occupé pendant { $attempts } essais (dernier : { $last })
# $endpoint : le point d’accès LRS ; $detail : ce qui n’allait pas dans la réponse.
xapi-lrs-malformed = le LRS à { $endpoint } a donné une réponse qui n’est pas une réponse xAPI : { $detail }
# kruispunt xapi configure. $file : le fichier de configuration.
xapi-configured = Réglages LRS enregistrés dans { $file } (lisible par vous seul·e).
# Une déclaration refusée par le LRS. $id : l’identifiant ; $verb : son verbe ; $status : le statut HTTP ; $message : le message du LRS.
xapi-send-refused = déclaration { $id } ({ $verb }) refusée par le LRS (HTTP { $status }) : { $message }
# Le résumé de kruispunt xapi send. $sent, $already, $refused, $waiting, $posts : des nombres.
xapi-send-summary = envoyées { $sent }, déjà présentes { $already }, refusées { $refused } ; { $waiting } en attente dans la boîte d’envoi ({ $posts ->
        [one] { $posts } requête
       *[other] { $posts } requêtes
    })
# $count : les déclarations restées dans la boîte d’envoi.
xapi-send-waiting = { $count ->
        [one] { $count } déclaration attend dans la boîte d’envoi ; relancez kruispunt xapi send pour la remettre.
       *[other] { $count } déclarations attendent dans la boîte d’envoi ; relancez kruispunt xapi send pour les remettre.
    }
# Affiché une fois quand l’envoi en direct (--lrs) échoue, et à nouveau seulement après un envoi réussi.
xapi-live-failed = Les traces d’apprentissage n’ont pas pu être envoyées ; elles sont conservées et seront envoyées plus tard (kruispunt xapi send).
# --lrs sans LRS utilisable. $reason : ce qui manque ou ne va pas.
xapi-live-no-lrs = --lrs a besoin d’un LRS auquel envoyer les traces d’apprentissage : { $reason }
xapi-live-missing-endpoint = pas de point d’accès LRS : définissez KRUISPUNT_LRS_ENDPOINT ou lrs.endpoint dans kruispunt.toml, ou enregistrez-le avec kruispunt xapi configure
xapi-live-missing-username = pas de nom d’utilisateur LRS : définissez KRUISPUNT_LRS_USERNAME, ou enregistrez-le avec kruispunt xapi configure
xapi-live-missing-password = pas de mot de passe LRS : définissez KRUISPUNT_LRS_PASSWORD, ou enregistrez-le avec kruispunt xapi configure
report-course-errors = le cours contient des erreurs ; corrigez-les d’abord (voir kruispunt validate)
# $file : le fichier de sortie ; $reason : le message du système.
report-cannot-write = impossible d’écrire { $file } : { $reason }
# $file : un fichier d'entrée ; $reason : un des messages report-reason-*.
report-skipped = { $file } ignoré : { $reason }
# $file : un export donné plus d’une fois ; $first : le fichier sous lequel il a été donné en premier.
report-duplicate = compté une seule fois : { $file } est le même export que { $first }
report-reason-unreadable = il est illisible ({ $detail })
report-reason-not-json = ce n’est pas un fichier JSON ({ $detail })
report-reason-foreign = ce n’est pas un export Kruispunt
report-reason-newer = il a été exporté par une version plus récente de Kruispunt (format d’export { $found } ; cette version lit jusqu’au { $supported })
report-reason-damaged = l’export est endommagé ({ $detail })
report-reason-other-course = c’est l’export d’un autre cours (« { $found } », pas « { $expected } »)
report-reason-not-a-file = ce n’est pas un fichier ordinaire
report-reason-too-large = il dépasse { $limit } Mio
# $what : items, attempts ou choices.
report-reason-too-many = { $what ->
        [items] il contient { $count } éléments
        [attempts] un élément contient { $count } tentatives
       *[choices] une tentative contient { $count } choix
    } ; la limite est de { $limit }
# $option : --csv-delimiter ou --layout.
report-csv-option-without-csv = { $option } ne va qu’avec --format csv
# $given : ce qui a été donné comme --csv-delimiter.
csv-delimiter-not-one-character = un séparateur CSV est un seul caractère (ou tab), pas « { $given } »
csv-delimiter-not-ascii = un séparateur CSV est un caractère ASCII (le point-virgule, la virgule, | par exemple), pas « { $given } »
csv-delimiter-unusable = « { $given } » ne peut pas séparer des champs CSV ; choisissez par exemple le point-virgule, la virgule, | ou tab
report-xlsx-needs-file = un classeur n’est pas du texte : écrivez-le dans un fichier avec -o FICHIER.xlsx
# Les noms des deux feuilles d’un rapport .xlsx (31 caractères au plus ; sans [ ] : * ? / \).
report-sheet-report = Rapport
report-sheet-trainees = Participant·es × éléments
report-too-many-files = { $files } fichiers ont été donnés ; un rapport en lit au plus { $limit }, aucun fichier n’a donc été lu
report-none-usable = { $files ->
        [one] le fichier donné n’est pas
       *[other] aucun des { $files } fichiers donnés n’est
    } un export utilisable ; aucun rapport n’a été créé
report-skipped-summary = { $skipped ->
        [one] 1 fichier a été ignoré
       *[other] { $skipped } fichiers ont été ignorés
    } ; le rapport utilise { $used ->
        [one] 1 export
       *[other] { $used } exports
    }.
report-title = Rapport de groupe : { $course }
report-summary = Cours { $id }, version { $version } · { $trainees ->
        [one] 1 participant·e
       *[other] { $trainees } participant·es
    }
report-anonymous = Les participant·es sont numéroté·es dans l’ordre où leurs exports ont été donnés ; leurs noms ne figurent pas dans ce rapport.
report-named = Les participant·es sont indiqué·es par leur nom de profil.
report-trainee = Participant·e { $number }
report-count-of = { $count } sur { $total }
# $version : la version du cours d'un export qui diffère du cours actuel.
report-other-version = exporté de la version { $version } du cours
report-trainees-heading = Participant·es
report-trainees-intro = Éléments terminés par chaque participant·e, sur toutes les leçons et tous les scénarios du cours.
report-completion-heading = Achèvement par module
report-completion-intro = Combien de participant·es ont terminé chaque élément, et le module entier.
report-whole-module = Module entier
report-quizzes-heading = Questions de quiz
report-quizzes-intro = Participant·es dont la première réponse était juste, sur celles et ceux qui ont répondu ; les moins souvent réussies d’abord.
report-decisions-heading = Moments de choix
report-decisions-intro = Ce que les participant·es ont choisi la première fois qu’ils ou elles ont atteint chaque moment de choix, sur celles et ceux qui l’ont atteint.
# $scenario : titre du scénario ; $number : numéro du moment de choix dans le scénario.
report-decision-title = { $scenario } · moment de choix { $number }
# $count : moments de choix que personne n’a atteints, omis dans cette partie.
report-decisions-unreached = { $count ->
        [one] Un moment de choix que personne n’a atteint n’est pas repris.
       *[other] { $count } moments de choix que personne n’a atteints ne sont pas repris.
    }
report-endings-heading = Fins atteintes
report-endings-intro = Participant·es ayant atteint chaque fin lors d’au moins une tentative.
# $outcome : good, mixed ou poor.
report-outcome = { $outcome ->
        [good] bonne fin
        [mixed] fin mitigée
       *[poor] fin peu favorable
    }
report-competencies-heading = Compétences du groupe
report-competencies-intro = Participant·es ayant montré chaque compétence dans au moins une conversation terminée sans l’avoir enfreinte dans aucune ; « manquée par » compte celles et ceux qui ont laissé passer une réponse qui la montre sans jamais la montrer.
report-missed-by = manquée par { $count }
report-qualities-heading = Qualité des réponses
report-qualities-intro = La qualité de la réponse choisie par les participant·es la première fois qu’ils ou elles ont atteint chaque moment de choix, sur celles et ceux qui l’ont atteint. C’est la qualité que le cours donne à la réponse : les exports plus anciens comptent donc aussi.
# $symbol: a quality's symbol (++, +, -, !!); $word: the quality as a word (scenario-quality).
report-quality = { $symbol } { $word }
report-turning-heading = Tournants du groupe
report-turning-intro = Là où des participant·es ont choisi une réponse alors qu’une meilleure était proposée : par moment de choix, la réponse le plus souvent choisie à la place de la meilleure, et combien de participant·es l’ont choisie, sur celles et ceux qui ont atteint ce moment. Les plus fréquents d’abord.
report-turning-none = Aucun·e participant·e n’a choisi une réponse alors qu’une meilleure était proposée.
# $number: the decision point's number in the scenario; $quality, $better_quality: report-quality of the answer taken and of the better one; $better: the better answer.
report-turning-context = moment de choix { $number } · cette réponse : { $quality } · une meilleure réponse, { $better_quality } : { $better }
report-breaches-heading = Compétences enfreintes
report-breaches-intro = Participant·es ayant choisi, dans au moins une conversation, une réponse qui va à l’encontre de la compétence. Une compétence enfreinte n’est pas comptée comme montrée pour cette personne.
report-breaches-trainee-heading = Compétences enfreintes par participant·e
report-breaches-trainee-intro = Combien des compétences du cours chaque participant·e a enfreintes dans au moins une conversation, et lesquelles.
report-breached-none = aucune
report-column-quality = Qualité
report-column-turning = Réponse choisie à la place d’une meilleure
report-column-took-it = Participant·es qui l’ont choisie
report-column-breached = Enfreinte par
report-column-breached-count = Compétences enfreintes
report-column-trainee = Participant·e
report-column-completed = Terminé
report-column-item = Leçon ou scénario
report-column-question = Question
report-column-correct = Juste du premier coup
report-column-answer = Réponse
report-column-trainees = Participant·es
report-column-ending = Fin
report-column-competency = Compétence
report-column-shown = Montrée par
report-column-version = Version du cours
report-column-id = Identifiant
report-column-what = N’est plus dans le cours
report-unmatched-heading = N’est plus dans le cours
report-unmatched-intro = Des exports faits avec une autre version du cours renvoient à ces éléments, que cette version n’a plus ; ils ne sont pas comptés plus haut.
report-unmatched-none = Chaque export correspond au cours.
report-unmatched-item = leçon ou scénario
report-unmatched-quiz = question de quiz
report-unmatched-decision = moment de choix
report-unmatched-choice = réponse à un moment de choix
report-unmatched-ending = fin
report-unmatched-competency = compétence

## Mode simple (kruispunt --plain) : une conversation ligne par ligne, pour les lecteurs d’écran.
plain-welcome = Kruispunt en mode simple. Tapez ? ou help à chaque question pour entendre les commandes.
plain-bye = Votre progression est enregistrée. Au revoir.
plain-bye-not-saved = Votre progression n’a pas pu être enregistrée (voir ci-dessus). Au revoir.
plain-not-understood = « { $answer } » n’a pas été compris. Vous pouvez répondre :
plain-lang-usage = Tapez lang suivi d’une langue : lang nl pour Nederlands, lang en pour English, lang fr pour Français.
plain-save-failed = Votre progression n’a pas pu être enregistrée : { $reason }. Kruispunt réessaiera à l’étape suivante.
plain-help-title = Aide : ces commandes fonctionnent à chaque question.
plain-help-numbers = Tapez le numéro ou la lettre d’une option et appuyez sur Entrée. Une ligne vide choisit l’option marquée Entrée.
plain-help-help = ? ou help : cette aide.
plain-help-lang = lang nl, lang en ou lang fr : changer de langue (gardée dans votre profil).
plain-help-home = home ou back : retour à l’aperçu.
plain-help-letters = Les lettres veulent dire la même chose que dans l’interface plein écran : r réessaie un quiz ou rejoue une conversation depuis le début, w revient à une réponse précédente, v lit les valeurs.
plain-help-quit = q ou quit : arrêter. Votre progression est gardée et vous reprenez là où vous étiez, en mode simple ou dans l’interface plein écran.
plain-help-saved = Votre progression est enregistrée après chaque étape ; les réflexions restent sur cet ordinateur.
plain-home-title = Aperçu : { $title }
plain-home-progress = Progression : { $done } { $done ->
        [one] partie terminée
       *[other] parties terminées
    } sur { $total }.
plain-home-module = Module { $number } : { $title }, { $done } sur { $total } { $done ->
        [one] terminé
       *[other] terminés
    }.
plain-home-item = { $number }. { $title } { $kind }, { $status }.
# $status : not-started, in-progress, done ou skipped.
plain-status = { $status ->
        [in-progress] en cours
        [done] terminé
        [skipped] passé
       *[other] pas encore commencé
    }
plain-home-continue = c ou Entrée : continuer avec { $title }
plain-home-core-path = p : le parcours essentiel (environ { $minutes } minutes, { $done } sur { $total } { $done ->
        [one] terminé
       *[other] terminés
    }), ensuite : { $title }
plain-home-settings = s : réglages (langue : { $language })
plain-home-prompt = Tapez le numéro d’une partie pour l’ouvrir.
plain-settings-title = Réglages
# $state : current ou other.
plain-settings-language = { $number }. Langue : { $name }{ $state ->
        [current] , choisie
       *[other] {""}
    }
plain-settings-gloss = { $number }. Afficher aussi le texte du cours en { $locale }{ $state ->
        [current] , choisi
       *[other] {""}
    }
plain-settings-gloss-off = { $number }. Texte du cours dans une seule langue{ $state ->
        [current] , choisi
       *[other] {""}
    }
plain-settings-prompt = Tapez un numéro pour changer un réglage, ou une ligne vide pour revenir. Les changements sont gardés dans votre profil.
plain-lesson-title = Leçon : { $title }
plain-scene-heading = Partie { $number } sur { $total } : { $title }
plain-scene-position = Partie { $number } sur { $total }
plain-content-note = Avertissement sur le contenu :
plain-note-continue = 1 ou Entrée : continuer et afficher cette partie
plain-note-skip = 2 ou s : passer cette partie
plain-nav-next = n ou Entrée : suivant
plain-nav-previous = p : partie précédente
# $who : le nom, éventuellement avec l’âge ; $kind : composite ou real.
plain-testimony = { $kind ->
        [composite] Témoignage (fictif, composé) : { $who }
       *[other] Témoignage : { $who }
    }
plain-testimony-age = { $name }, { $age } ans
plain-key-points = À retenir :
plain-card = Terme { $number } sur { $total } : { $term }
plain-card-definition = Définition :
plain-card-note = Remarque :
plain-quiz-question = Question :
plain-quiz-how-single = Tapez le numéro de votre réponse.
plain-quiz-how-multiple = Plusieurs réponses peuvent être justes : tapez les numéros de vos réponses, séparés par des espaces, par exemple 1 3.
plain-quiz-skip = n : continuer sans répondre
plain-quiz-correct = Exact.
plain-quiz-incorrect = Pas tout à fait.
# $chosen, $correct : yes ou no.
plain-quiz-option = { $chosen ->
        [yes] Vous avez choisi cette réponse.
       *[other] Vous n’avez pas choisi cette réponse.
    } { $correct ->
        [yes] Elle est juste.
       *[other] Elle n’est pas juste.
    }
plain-quiz-explanation = Explication :
plain-quiz-first-counts = Seule votre première réponse compte pour votre score.
plain-quiz-retry = r : réessayer
plain-quiz-reveal = a : afficher la bonne réponse
plain-quiz-not-yet = Pas encore correct. Lisez le commentaire sur votre choix, puis réessayez, ou affichez la bonne réponse.
plain-quiz-your-choice = Vous avez choisi cette réponse.
plain-quiz-shown = Voici la bonne réponse, comme vous l’avez demandé.
plain-reflection-prompt = Réflexion :
plain-reflection-hint = Piste :
plain-reflection-private = Ce que vous écrivez reste sur cet ordinateur, dans votre fichier de progression. Personne d’autre ne le voit.
plain-reflection-how = Tapez votre réflexion, sur plusieurs lignes si vous le souhaitez, et terminez par une ligne vide. Une ligne vide tout de suite n’écrit rien.
plain-reflection-saved = Votre réflexion est gardée.
plain-reflection-yours = Ce que vous avez écrit :
plain-reflection-rewrite = e : réécrire
plain-checklist-entry = { $number }. { $state ->
        [ticked] Coché
       *[other] Pas coché
    } : { $text }
plain-checklist-hint = Piste :
plain-checklist-how = Tapez les numéros des points à cocher ou décocher, séparés par des espaces. Une ligne vide continue.
plain-lesson-done = Fin de la leçon { $title }.
plain-lesson-score = Quiz : { $correct } sur { $total } justes à la première réponse.
plain-lesson-skipped = Passé : { $scenes }
plain-lesson-back = n ou Entrée : retour à l’aperçu
plain-scenario-title = Conversation d’entraînement : { $title }
plain-scenario-fell-back = Le cours a changé depuis votre dernière visite : cette conversation recommence donc depuis le début.
plain-scenario-resumed = Vous reprenez là où vous étiez, après { $decisions } { $decisions ->
        [one] réponse
       *[other] réponses
    }.
plain-scenario-error = Cette conversation ne peut pas se dérouler : { $reason }
plain-scenario-setting = Situation :
plain-scenario-goal = Objectif :
plain-scenario-characters = Personnages :
plain-scenario-character = { $name }, { $role } : { $bio }
plain-scenario-start = 1 ou Entrée : commencer la conversation
plain-scenario-skip = 2 : retour à l’aperçu
plain-line = { $name } ({ $details }) : { $text }
plain-thought = { $name } pense :
plain-you = Vous :
plain-coach = Coach :
# $direction : up, down, limit (le changement a buté sur la limite) ou none.
plain-variable = { $label } : { $value } sur { $max }{ $direction ->
        [up] , en hausse de { $change }
        [down] , en baisse de { $change }
        [limit] , inchangé (à sa limite)
       *[other] {""}
    }
plain-variable-total = { $label } : { $value } sur { $max }{ $direction ->
        [up] , { $change } de plus qu’au départ
        [down] , { $change } de moins qu’au départ
       *[other] , comme au départ
    }
plain-scenario-what-now = Que dites-vous ? Tapez un numéro.
plain-scenario-rewind = w : revenir à une réponse précédente
plain-scenario-values = v : entendre les valeurs
plain-scenario-stuck = Aucune réponse n’est possible ici. Revenez à une réponse précédente, ou tapez home.
plain-rewind-title = Revenir à quelle réponse ? Les réponses suivantes sont annulées ; le chemin parcouru reste dans votre progression.
plain-rewind-decision = Réponse { $number } : { $text }
plain-rewind-cancel = Tapez un numéro, ou une ligne vide pour rester où vous êtes.
plain-rewound = Retour avant la réponse { $number }.
plain-outcome = { $outcome ->
        [good] bonne
        [mixed] mitigée
       *[poor] peu favorable
    }
plain-ending = Fin : { $outcome }. { $title }
plain-ending-debrief = Débriefing :
plain-ending-values = Où cela s’est terminé :
plain-ending-path = Votre chemin, avec le retour du coach :
plain-ending-competencies = Compétences :
# $name: a competency; $score: its score as a word (scenario-score).
plain-competency = { $name } : { $score }
# How many answers of each quality the attempt took.
plain-ending-qualities = Vos réponses : { $best } { $best ->
        [one] meilleure
       *[other] meilleures
    }, { $acceptable } { $acceptable ->
        [one] acceptable
       *[other] acceptables
    }, { $weak } { $weak ->
        [one] faible
       *[other] faibles
    }, { $harmful } { $harmful ->
        [one] nuisible
       *[other] nuisibles
    }.
plain-ending-turning = Tournants, là où une autre réponse aurait davantage aidé :
# $quality: the quality as a word (scenario-quality); $text: the answer.
plain-turning-taken = Votre réponse ({ $quality }) : { $text }
plain-turning-better = Une meilleure réponse ({ $quality }) : { $text }
plain-turning-feedback = Le coach à propos de cette meilleure réponse :
plain-none = aucune
plain-ending-replay = 1 ou r : rejouer depuis le début
plain-ending-rewind = 2 ou w : revenir à une réponse précédente
plain-ending-overview = 3 ou Entrée : retour à l’aperçu
# $reason: the system's description of the problem.
plain-io-failed = le mode simple s’est arrêté : l’entrée ou la sortie a échoué : { $reason }
plain-try-plain = `kruispunt --plain` présente le cours comme une conversation ligne par ligne, qui fonctionne dans un tube et avec un lecteur d’écran.
# Scenario screen: the feedback panel and the introduction scroll when they do not fit.
scenario-feedback = Retour du coach
# $count: lines of feedback cut below the panel.
scenario-feedback-more = ↓ encore { $count } { $count ->
        [one] ligne
       *[other] lignes
    } (Tab, PgDn)
# $count: lines cut below, while the text has the focus.
scenario-scroll-more = ↓ encore { $count } { $count ->
        [one] ligne
       *[other] lignes
    } (↓, PgDn)
# $count: lines cut above, at the end of the text.
scenario-scroll-above = ↑ encore { $count } { $count ->
        [one] ligne
       *[other] lignes
    } plus haut (↑, PgUp)
scenario-key-panes = conversation, réponses ou retour du coach
scenario-key-scroll-feedback = faire défiler le retour du coach

## À emporter : `kruispunt certificate` (l’attestation d’un·e participant·e) et `kruispunt print` (toute la formation en un document).

certificate-title = Attestation de participation
# $name: the profile name; $course: the course title; $version: the course version.
certificate-awarded = { $name } a suivi la formation « { $course } » (version { $version }).
# $date: when it is issued (an RFC 3339 instant), shown as a date in the user's time zone.
certificate-issued = Délivrée le { DATETIME($date, dateStyle: "long") }
certificate-modules-heading = Modules terminés
# $completed: modules with every lesson and conversation completed; $total: modules in the course.
certificate-modules-count = { $completed ->
        [one] { $completed } module terminé sur { $total }.
       *[other] { $completed } modules terminés sur { $total }.
    }
certificate-column-module = Module
certificate-column-completed-on = Terminé le
certificate-column-time = Temps consacré
certificate-column-estimated = Durée estimée
certificate-not-recorded = non enregistré
certificate-modules-note = Kruispunt enregistre l’ouverture et la fin de chaque leçon ainsi que le début et la fin de chaque conversation d’entraînement : la date est la fin de la dernière leçon ou conversation du module, le temps est leur temps réuni. Une progression enregistrée avant que Kruispunt n’enregistre le temps des leçons ne compte que les conversations, ou indique « non enregistré ».
# $hours, $minutes: a duration.
certificate-duration = { $hours ->
        [0] { $minutes } min
       *[other] { $hours } h { $minutes } min
    }
certificate-endings-heading = Fins atteintes
certificate-endings-none = Aucune conversation d’entraînement n’a encore atteint une fin.
certificate-column-conversation = Conversation
certificate-column-reached-on = Atteinte pour la première fois le
certificate-competencies-heading = Compétences
certificate-competencies-intro = Ce que montrent les conversations d’entraînement terminées, comme leurs fins le montrent : une compétence enfreinte dans une conversation ne compte pas comme démontrée.
certificate-column-result = Résultat
# $status: shown, breached, missed (passed up, never shown) or unpractised.
certificate-competency = { $status ->
        [shown] démontrée
        [breached] enfreinte
        [missed] pas encore démontrée
       *[unpractised] pas encore exercée
    }
certificate-plan-heading = Mon plan d’action
certificate-plan-intro = Les points des listes de contrôle parcourues que vous n’avez pas encore cochés : ce sur quoi continuer à travailler.
certificate-plan-all-ticked = Vous avez coché chaque point des listes de contrôle parcourues.
certificate-plan-no-checklist = Vous n’avez pas encore parcouru de liste de contrôle.
certificate-reflections-heading = Mes réflexions
certificate-reflections-none = Aucune réflexion écrite.
# $name: the profile; $file: the output file.
certificate-written = Attestation du profil « { $name } » écrite dans { $file } (sans les réflexions).
certificate-written-with-reflections = Attestation du profil « { $name } » écrite dans { $file }, avec les réflexions.

# $version: the course version; $lessons, $scenarios: how many; $language: the language code of this document.
print-meta = Version { $version } · { $lessons ->
        [one] { $lessons } leçon
       *[other] { $lessons } leçons
    } et { $scenarios ->
        [one] { $scenarios } conversation
       *[other] { $scenarios } conversations
    } · langue : { $language }
print-competencies-heading = Les compétences de la formation
print-column-meaning = Ce qu’elle signifie
# $label: what the text is (print-goal, print-hint…); $text: the text.
print-labelled = { $label } : { $text }
print-facilitator-notes = Pour l’animateur·rice
print-content-note = Avertissement de contenu
print-goal = Objectif
print-hint = Conseil
print-explanation = Explication
# $minutes: the estimated time.
print-minutes = Environ { $minutes } min
# $title: the lesson's title.
print-lesson = Leçon : { $title }
# $number: the scene's number in the lesson; $title: its title (may be empty).
print-scene = Scène { $number }. { $title }
# $name, $background: the persona; $age: their age.
print-testimony = Témoignage de { $name } (personnage fictif composite) : { $background }
print-testimony-aged = Témoignage de { $name }, { $age } ans (personnage fictif composite) : { $background }
print-column-term = Terme
print-column-definition = Définition
print-column-usage = Usage
print-quiz-single = Quiz : une seule bonne réponse.
print-quiz-multiple = Quiz : plusieurs bonnes réponses.
print-column-right = Correcte ?
print-column-feedback = Retour
print-right = ✓ correcte
print-wrong = ✗ incorrecte
# $text: a checklist point; $hint: its hint.
print-checklist-entry = ☐ { $text } ({ $hint })
# $title: the scenario's title.
print-scenario = Conversation d’entraînement : { $title }
print-characters = Personnages
print-column-character = Personnage
print-column-role = Rôle
print-column-about = À propos
print-variables = Variables
print-column-variable = Variable
print-column-start = Départ
print-column-range = Plage
print-nodes = Points de décision
print-column-node = Point
print-column-said = Ce qui est dit
print-column-effects = Effets
print-column-next = Suite
print-endings = Fins
print-column-outcome = Issue
print-column-debrief = Débriefing
# $name: who speaks; $text: what they say.
print-line = { $name } : { $text }
# $text: the inner thought of whoever speaks.
print-thought = (pense : { $text })
print-goes-on = (continue d’elle-même)
# $condition: a condition, in ids and symbols.
print-route-when = aiguillage, si { $condition }
print-route-otherwise = aiguillage, sinon
# $title: the ending's title.
print-ends = fin : { $title }
print-offered-when = proposée seulement si { $condition }
# $competencies: competency titles, comma-separated.
print-shows = démontre : { $competencies }
print-breaches = enfreint : { $competencies }
# $node: a decision point's id.
print-cond-visited = { $node } visité
# $quality: a quality (report-quality).
print-cond-chose-quality = a choisi une réponse { $quality }
# $node, $choice: ids.
print-cond-chose = a choisi { $choice } en { $node }
# $condition: when this part shows; $text: the part.
print-debrief-when = [si { $condition }] { $text }
# $file: the output file.
print-written = La formation est écrite dans { $file }.

## The session core refused a step.
session-error-no-such-item = Le cours n’a pas de leçon ni de scénario `{ $id }`.
session-error-not-here = Ce n’est pas possible ici.
session-error-nothing-selected = Aucune réponse n’a été choisie.

## kruispunt import twee, export twee (docs/twee.md)

# Une ligne du rapport d’import. $place : FICHIER:LIGNE du fichier Twee ; $message : l’un des messages twee-note-… ou twee-add-….
twee-line-warning = { $place }: avertissement : { $message }
twee-line-to-add = { $place }: à ajouter : { $message }
twee-error-not-utf8 = ligne { $line } : le fichier n’est pas un texte UTF-8 ; enregistrez-le en UTF-8 (comme le fait « Export as Twee » de Twine)
twee-error-too-large = le fichier dépasse { $limit } octets
twee-error-too-many-passages = le fichier a plus de { $limit } passages
twee-error-no-passages = aucun passage : aucune ligne ne commence par « :: » (est-ce bien un fichier Twee ?)
twee-error-no-passage-name = ligne { $line } : un en-tête de passage sans nom
twee-error-duplicate-passage = ligne { $line } : un deuxième passage nommé « { $passage } » (le premier est à la ligne { $first }) ; renommez-en un, car les liens trouvent un passage par son nom
twee-error-no-texts = le scénario « { $scenario } » n’a pas de textes en « { $locale } » ; choisissez une autre langue avec --lang
twee-error-unusable-node-id = le nœud « { $node } » ne peut pas être un nom de passage Twee vers lequel pointent des liens ; renommez le nœud
twee-error-no-scenario = aucun scénario « { $id } » dans le cours
twee-note-text-before-first-passage = le texte avant le premier en-tête de passage est ignoré
twee-note-bad-story-data = StoryData n’est pas un objet JSON et est ignoré
twee-note-bad-metadata = passage « { $passage } » : les métadonnées de l’en-tête ne sont pas du JSON et sont ignorées
twee-note-unclosed-tags = passage « { $passage } » : le bloc de tags n’a pas de « ] » fermant
twee-note-construct = passage « { $passage } » : le code { $format } « { $construct } » ne peut pas faire partie d’un scénario et reste tel quel dans le texte ; réécrivez-le avec la convention Kruispunt ou supprimez-le
twee-note-chapbook-vars = passage « { $passage } » : la section vars de Chapbook reste telle quelle dans le texte ; modifiez plutôt les variables avec « @effect » après un lien
twee-note-setter-link = passage « { $passage } » : le setter du lien est laissé de côté ; modifiez plutôt les variables avec « @effect » après le lien
twee-note-skipped-passage = le passage « { $passage } » est du code, du style ou un passage spécial de son format d’histoire, et n’est pas importé
twee-note-unknown-directive = passage « { $passage } » : la ligne inconnue « { $directive } » est laissée de côté
twee-note-misplaced-directive = passage « { $passage } » : « { $directive } » ne veut rien dire ici (il se place après un lien, une réplique ou une partie de débriefing) et est laissé de côté
twee-note-bad-value = passage « { $passage } » : « { $directive } { $value } » est illisible et est laissé de côté
twee-note-links-in-ending = passage « { $passage } » : une fin n’a pas de choix, ses liens sont donc laissés de côté
twee-note-extra-links = passage « { $passage } » : un passage « next » ne mène qu’à son premier lien ; les autres liens sont laissés de côté
twee-note-first-passage-starts = StoryData n’indique pas de début et il n’y a pas de passage « Start » : le premier passage ouvre le scénario
twee-add-feedback = passage « { $passage } », le lien vers « { $target } » : ajoutez « @feedback » avec le retour du coach sur ce choix
twee-add-quality = passage « { $passage } », le lien vers « { $target } » : ajoutez « @quality » avec best, acceptable, weak ou harmful
twee-add-thinker = passage « { $passage } », le lien vers « { $target } » : ajoutez « @thinker » avec le personnage dont c’est la pensée
twee-add-passage = passage « { $passage } » : le lien mène à « { $target } », qui n’existe pas ; ajoutez un passage de ce nom
twee-add-way-on = le passage « { $passage } » n’a ni lien ni tag de fin : ajoutez des liens, ou donnez-lui le tag ending-good, ending-mixed ou ending-poor
twee-add-outcome = le passage « { $passage } » a le tag « ending » sans issue : donnez-lui le tag ending-good, ending-mixed ou ending-poor
twee-add-debrief = passage « { $passage } » : ajoutez « @debrief » avec ce que la personne en formation retient de cette fin
twee-add-setting = ajoutez « @setting » au passage Kruispunt : où et quand la conversation a lieu
twee-add-goal = ajoutez « @goal » au passage Kruispunt : ce que la personne en formation cherche à atteindre
twee-add-role = ajoutez « @role » sous « @character { $character } » dans le passage Kruispunt
twee-add-bio = ajoutez « @bio » sous « @character { $character } » dans le passage Kruispunt
twee-import-written = { $path } écrit : scénario « { $id } » avec { $nodes ->
        [one] { $nodes } nœud
       *[other] { $nodes } nœuds
    } et { $choices ->
        [one] { $choices } choix
       *[other] { $choices } choix
    }, textes en « { $locale } » ; { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }, { $todo ->
        [0] rien à ajouter.
        [one] 1 chose à ajouter.
       *[other] { $todo } choses à ajouter.
    }
twee-import-valid = Le scénario passe la validation.
twee-import-invalid = La validation de { $path } signale encore :
twee-import-untranslated = { $texts ->
        [one] { $texts } texte n’est
       *[other] { $texts } textes ne sont
    } pas encore traduits en { $locales }, les autres langues du cours (avertissements, voir docs/translating.md).
twee-import-how-to-add = Pour l’ajouter à un cours : copiez-le dans le dossier scenarios/ du cours, ajoutez « { $id } » aux items d’un module dans course.json, puis lancez « kruispunt validate DOSSIER » (ou importez avec --course DOSSIER pour le vérifier directement dans ce cours).
twee-import-not-in-module = « { $id } » n’est encore dans aucun module du cours : ajoutez-le aux items d’un module dans course.json, par exemple de « { $module } » (vérifié ici comme s’il y était).
twee-export-written = { $path } écrit : { $passages } passages, textes en « { $locale } ».
