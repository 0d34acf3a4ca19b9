/* global localStorage */
/**
 * French first, English by the switch (kept in localStorage). `t(key, params)` looks a message up in
 * the current language; messages are strings with `{name}` placeholders or functions of the params
 * (plurals). The server's field errors are translated by their stable `code` and `params`
 * (`issueText`); an issue without a known code keeps the server's (English) message.
 */

const LANG_KEY = 'ic.lang';
const listeners = [];

const plural = (n, one, other) => (n === 1 ? one : other);

/* Pieces of the field-error sentences (the `validation` messages below). */
const frQuote = (text) => `« ${text} »`;
const enQuote = (text) => `"${text}"`;
const VALUE_KINDS = {
  fr: {
    string: 'un texte',
    number: 'un nombre',
    boolean: 'vrai ou faux',
    null: 'null',
    nothing: 'rien',
    array: 'une liste',
    object: 'un objet',
  },
  en: {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    null: 'null',
    nothing: 'nothing',
    array: 'a list',
    object: 'an object',
  },
};
/** What was sent instead: the value itself when the server gave it, else its kind. */
function gotText(lang, { got, value }) {
  if (typeof value === 'string') return lang === 'fr' ? frQuote(value) : enQuote(value);
  if (value !== undefined) return String(value);
  return VALUE_KINDS[lang][got] ?? String(got);
}
/** « le créneau 14:20–14:40 » (its times when the server gave them, else its 0-based index). */
function slotText(lang, { slot, start, end }) {
  if (start && end) return lang === 'fr' ? `le créneau ${start}–${end}` : `the slot ${start}–${end}`;
  return lang === 'fr' ? `le créneau ${slot}` : `slot ${slot}`;
}

const fr = {
  skip: 'Aller au contenu',
  'nav.label': 'Navigation principale',
  'nav.events': 'Événements',
  'nav.logout': 'Se déconnecter',
  'notFound.title': 'Page introuvable',
  'notFound.home': 'Revenir à l’accueil',
  'error.title': 'Un problème est survenu',
  'error.network': 'Le serveur ne répond pas. Vérifiez la connexion puis réessayez.',
  'error.forbidden': 'Action non autorisée',
  'error.summary': ({ n }) => plural(n, 'Un champ est à corriger :', `${n} points sont à corriger :`),
  'error.versionMismatch': 'Les données ont changé entre-temps : rechargez la page.',

  'login.title': 'Connexion organisateur',
  'login.lead': 'Connectez-vous pour préparer vos journées Interclustering.',
  'login.email': 'Adresse e-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.wrong': 'E-mail ou mot de passe incorrect.',
  'login.tooMany': 'Trop de tentatives : réessayez dans une minute.',
  'login.expired': 'Votre session a expiré : reconnectez-vous.',
  'login.managerHint':
    'Responsable de cluster ? Vous n’avez pas besoin de mot de passe : ouvrez le lien d’invitation reçu de l’organisateur.',

  'status.draft': 'Brouillon',
  'status.open': 'Souhaits ouverts',
  'status.closed': 'Souhaits clos',
  'status.scheduled': 'Planning calculé',
  'status.published': 'Publié',
  'status.explain.draft':
    'Préparez l’événement et les participants ; les responsables ne peuvent pas encore saisir leurs souhaits.',
  'status.explain.open': 'Les responsables saisissent leurs souhaits et disponibilités avec leur lien.',
  'status.explain.closed': 'Les souhaits sont clos : lancez le calcul du planning.',
  'status.explain.scheduled': 'Un planning est calculé : vérifiez-le, comparez les versions, puis publiez.',
  'status.explain.published': 'Le planning est publié : chaque responsable voit son agenda.',
  'status.action.open': 'Ouvrir les souhaits',
  'status.action.close': 'Clore les souhaits',
  'status.action.reopen': 'Rouvrir les souhaits',
  'status.changed': 'Statut de l’événement : {status}.',

  'events.title': 'Événements',
  'events.new': 'Nouvel événement',
  'events.none': 'Aucun événement pour l’instant. Créez-en un, ou importez un fichier d’événement.',
  'events.name': 'Nom',
  'events.date': 'Date',
  'events.status': 'Statut',
  'events.participants': 'Participants',
  'events.importTitle': 'Importer un fichier d’événement',
  'events.importHint':
    'Un fichier « interclustering-event/1 » (JSON) : réglages, clusters, souhaits et exclusions, importés d’un bloc.',
  'events.importFile': 'Fichier d’événement (.json)',
  'events.importSubmit': 'Importer',
  'events.importChoose': 'choisissez un fichier',
  'events.importNotJson': 'ce fichier n’est pas du JSON valide',
  'events.importing': 'Import en cours…',

  'event.newTitle': 'Nouvel événement',
  'event.export': 'Exporter le fichier',
  'event.sections': 'Rubriques',
  'tab.settings': 'Réglages',
  'tab.participants': 'Participants',
  'tab.wishes': 'Souhaits',
  'tab.schedule': 'Planning',
  'tab.print': 'Impression',

  'settings.general': 'L’événement',
  'settings.name': 'Nom de l’événement',
  'settings.venue': 'Lieu',
  'settings.date': 'Date',
  'settings.timezone': 'Fuseau horaire',
  'settings.timezoneHint': 'Nom IANA, par exemple Europe/Paris.',
  'settings.sessions': 'Sessions de rendez-vous',
  'settings.sessionsHint': 'Une ou plusieurs plages dans la journée, dans l’ordre, sans chevauchement.',
  'settings.sessionStart': 'Début de la session {n}',
  'settings.sessionEnd': 'Fin de la session {n}',
  'settings.addSession': 'Ajouter une session',
  'settings.removeSession': 'Retirer la session {n}',
  'settings.rhythm': 'Rythme et règles',
  'settings.meetingMinutes': 'Durée d’un rendez-vous (minutes)',
  'settings.changeoverMinutes': 'Battement entre deux rendez-vous (minutes)',
  'settings.tables': 'Nombre de tables',
  'settings.maxMeetings': 'Rendez-vous au plus par cluster',
  'settings.maxWishes': 'Souhaits au plus par cluster',
  'settings.pairing': 'Règle de rencontre',
  'settings.pairing.any': 'Tous les clusters peuvent se rencontrer',
  'settings.pairing.crossRegion': 'Seulement entre régions différentes',
  'settings.preview': 'Créneaux',
  'settings.previewSummary': ({ n, capacity, tables }) =>
    `${plural(n, '1 créneau', `${n} créneaux`)} × ${tables} tables = ${capacity} rendez-vous possibles au plus.`,
  'settings.previewNone': 'Aucun créneau : vérifiez les sessions et la durée des rendez-vous.',
  'settings.previewHint': 'Calculés à mesure que vous tapez ; le serveur fait foi à l’enregistrement.',
  'settings.create': 'Créer l’événement',
  'settings.save': 'Enregistrer les réglages',
  'settings.saved': 'Réglages enregistrés.',
  'settings.frozen': 'Le planning est publié : rouvrez les souhaits pour modifier l’événement.',

  'participants.linksHint':
    'Chaque responsable reçoit un lien personnel, sans mot de passe. Le lien n’est visible qu’au moment où il est créé : copiez-le alors. Créer un nouveau lien désactive l’ancien.',
  'participants.issueAll': 'Créer les liens de tous les participants',
  'participants.issueAllConfirm': 'Les liens déjà envoyés cesseront de fonctionner. Continuer ?',
  'participants.issuedAll': ({ n }) =>
    `${plural(n, '1 lien créé', `${n} liens créés`)} : copiez-les et envoyez-les.`,
  'participants.copyAll': 'Copier tous les liens',
  'participants.copiedAll': 'Tous les liens sont copiés (nom, tabulation, lien ; une ligne par cluster).',
  'participants.caption': ({ n, submitted }) =>
    `${plural(n, '1 participant', `${n} participants`)}, dont ${submitted} avec des souhaits`,
  'participants.none': 'Aucun participant pour l’instant : inscrivez des clusters ci-dessous.',
  'participants.name': 'Nom',
  'participants.region': 'Région',
  'participants.regionKind': 'Région et type',
  'participants.kind': 'Type',
  'participants.kindHint': 'cluster, pôle de compétitivité, grappe…',
  'participants.contactEmail': 'E-mail du contact',
  'participants.wishes': 'Souhaits',
  'participants.invite': 'Lien d’invitation',
  'participants.actions': 'Actions',
  'participants.wishCount': ({ n }) => plural(n, '1 souhait', `${n} souhaits`),
  'participants.noWishes': 'Aucun souhait',
  'participants.partTime': 'Disponibilité partielle',
  'participants.issuedAt': 'Lien créé le {when}',
  'participants.noLink': 'Pas encore de lien',
  'participants.linkFor': 'Lien d’invitation de {name}',
  'participants.copy': 'Copier',
  'participants.copyFor': 'Copier le lien de {name}',
  'participants.copied': 'Lien de {name} copié.',
  'participants.copyFailed': 'Copie impossible : sélectionnez le lien et copiez-le à la main.',
  'participants.issue': 'Créer le lien',
  'participants.reissue': 'Nouveau lien',
  'participants.reissueConfirm': 'Le lien actuel de {name} cessera de fonctionner. Continuer ?',
  'participants.issued': 'Nouveau lien créé pour {name} : copiez-le et envoyez-le.',
  'participants.revoke': 'Révoquer',
  'participants.revokeConfirm': 'Révoquer le lien de {name} ? Il cessera de fonctionner.',
  'participants.revoked': 'Lien de {name} révoqué.',
  'participants.availability': 'Disponibilités',
  'participants.availabilityOf': 'Disponibilités de {name}',
  'participants.remove': 'Retirer',
  'participants.removeConfirm':
    'Retirer {name} de l’événement ? Ses souhaits, et les souhaits qui le visent, seront supprimés.',
  'participants.removed': '{name} ne participe plus à l’événement.',
  'participants.registerTitle': 'Inscrire des clusters',
  'participants.fromDirectory': 'Depuis l’annuaire',
  'participants.search': 'Rechercher dans l’annuaire',
  'participants.registerSelected': 'Inscrire la sélection',
  'participants.directoryEmpty': 'Tous les clusters de l’annuaire participent déjà.',
  'participants.chooseSome': 'Cochez au moins un cluster.',
  'participants.newCluster': 'Nouveau cluster',
  'participants.addCluster': 'Ajouter et inscrire',
  'participants.csvTitle': 'Depuis un fichier CSV',
  'participants.csvHint':
    'Une ligne d’en-tête : name, region, kind, contact email (et id, facultatif) ; une ligne par cluster.',
  'participants.csvFile': 'Fichier CSV',
  'participants.csvSubmit': 'Importer le CSV',
  'participants.csvChoose': 'choisissez un fichier',
  'participants.registered': ({ n, skipped, created }) =>
    [
      plural(n, '1 cluster inscrit', `${n} clusters inscrits`),
      skipped ? plural(skipped, '1 déjà présent', `${skipped} déjà présents`) : null,
      created ? plural(created, '1 ajouté à l’annuaire', `${created} ajoutés à l’annuaire`) : null,
    ]
      .filter(Boolean)
      .join(', ') + '.',

  'availability.legend': 'Créneaux où le cluster est disponible',
  'availability.all': 'Disponible sur tous les créneaux.',
  'availability.some': ({ n, total }) => `Disponible sur ${n} créneau${n > 1 ? 'x' : ''} sur ${total}.`,
  'availability.selectAll': 'Tout cocher',
  'availability.selectNone': 'Tout décocher',
  'availability.save': 'Enregistrer les disponibilités',
  'availability.saved': 'Disponibilités enregistrées.',
  'availability.help':
    'Décochez les créneaux où vous ne pourrez pas être là. Par défaut, vous êtes disponible toute la journée.',
  'availability.readOnly': 'Les souhaits sont clos : vos disponibilités ne peuvent plus être modifiées.',

  'wishes.total': 'souhaits',
  'wishes.wishers': 'clusters ont exprimé des souhaits',
  'wishes.mutualPairs': 'paires de souhaits réciproques',
  'wishes.mostWished': 'Les plus demandés (rangs pondérés)',
  'wishes.receivedLine': ({ count, mutual }) =>
    `${plural(count, '1 demande', `${count} demandes`)}${mutual ? `, ${mutual} réciproque${mutual > 1 ? 's' : ''}` : ''}`,
  'wishes.noneYet': 'Aucun souhait pour l’instant.',
  'wishes.nobody': ({ n }) => `N’ont demandé personne (${n})`,
  'wishes.everyoneWished': 'Tous les clusters ont exprimé des souhaits.',
  'wishes.notWished': ({ n }) => `Demandés par personne (${n})`,
  'wishes.everyoneWanted': 'Chaque cluster est demandé au moins une fois.',
  'wishes.matrix': 'Qui souhaite qui',
  'wishes.matrixCaption':
    'Lignes : le cluster qui souhaite ; colonnes : le cluster souhaité (numéros des lignes). Chiffre : rang du souhait.',
  'wishes.fromTo': 'De ↓ / vers →',
  'wishes.cellTitle': '{from} souhaite {to} (rang {rank})',
  'wishes.legend': 'Rang du souhait :',
  'wishes.legendMutual': 'souhait réciproque (bordure)',
  'wishes.matrixHint': 'Survolez une case pour voir les noms. Le tableau défile horizontalement.',

  'schedule.solveTitle': 'Calculer un planning',
  'schedule.solveHint':
    'Le calcul prend les souhaits et disponibilités actuels ; chaque calcul crée une nouvelle version, les précédentes restent consultables.',
  'schedule.solveNotYet': 'L’événement est « {status} » : closez les souhaits pour lancer le calcul.',
  'schedule.solve': 'Lancer le calcul',
  'schedule.progressOf': 'Calcul de la version {version}',
  'schedule.state.queued': 'En attente',
  'schedule.state.running': 'En cours',
  'schedule.state.done': 'Terminé',
  'schedule.state.failed': 'Échec',
  'schedule.solved': 'La version {version} est calculée.',
  'schedule.failed': 'Le calcul de la version {version} a échoué : {reason}',
  'schedule.versions': 'Versions du planning',
  'schedule.version': 'Version',
  'schedule.stateCol': 'État',
  'schedule.created': 'Demandée le',
  'schedule.show': 'Voir la v{version}',
  'schedule.noVersion': 'Aucun planning calculé pour l’instant.',
  'schedule.resultTitle': 'Planning, version {version}',
  'schedule.publish': 'Publier la version {version}',
  'schedule.publishNotYet': 'La publication se fait depuis le statut « Planning calculé ».',
  'schedule.published': 'Version {version} publiée : les responsables voient leur agenda.',
  'schedule.isPublished': 'La version {version} est publiée.',
  'schedule.grid': 'Grille des rendez-vous',
  'schedule.time': 'Horaire',
  'schedule.table': 'Table',
  'schedule.tableN': 'Table {n}',
  'schedule.partner': 'Partenaire',
  'schedule.unmetTitle': ({ n }) => `Souhaits non satisfaits (${n})`,
  'schedule.allMet': 'Tous les souhaits sont satisfaits.',
  'schedule.from': 'Cluster',
  'schedule.to': 'Souhait',
  'schedule.rank': 'Rang',
  'schedule.reason': 'Raison',
  'schedule.perCluster': 'La journée d’un cluster',
  'schedule.cluster': 'Cluster',
  'schedule.chooseCluster': 'Choisir un cluster…',

  'figures.served': 'Clusters servis',
  'figures.score': 'Score des souhaits',
  'figures.idle': 'Créneaux d’attente',
  'figures.bound': 'borne',
  'figures.more': 'plus, c’est mieux',
  'figures.fewer': 'moins, c’est mieux',
  'figures.meetings': ({ n }) => plural(n, '1 rendez-vous', `${n} rendez-vous`),
  'figures.metWishes': '{n} souhaits satisfaits sur {total}',
  'figures.optimal': 'optimal prouvé',
  'figures.seconds': 'calculé en {s} s',

  'compare.title': 'Comparer deux versions',
  'compare.with': 'Comparer la v{version} avec',
  'compare.choose': 'Choisir une version…',
  'compare.ready': 'Comparaison affichée.',
  'compare.summary': ({ same, moved, onlyA, onlyB }) =>
    `${same} rencontres communes (dont ${moved} déplacées), ${onlyA} seulement dans la première, ${onlyB} seulement dans la seconde.`,
  'compare.onlyIn': 'Seulement dans {label}',

  'agenda.free': 'Libre',
  'agenda.unavailable': 'Non disponible',
  'agenda.mutual': 'Souhait mutuel (rangs {own} et {theirs})',
  'agenda.own': 'Son souhait n° {rank}',
  'agenda.theirs': 'Souhait n° {rank} du partenaire',
  'agenda.fixed': 'Fixé par l’organisateur',
  'agenda.yourChoice': 'Votre choix n° {rank}',
  'agenda.notYourChoice': 'À la demande du partenaire ou de l’organisateur',
  'agenda.unmet': 'Souhaits non satisfaits',
  'agenda.unmetLine': 'Choix n° {rank} — {to}',

  'print.nothing': 'Rien à imprimer : aucun planning n’est calculé.',
  'print.published': 'Documents de la version publiée ({version}).',
  'print.notPublished': 'Attention : la version {version} n’est pas encore publiée.',
  'print.what': 'À imprimer',
  'print.agendas': ({ n }) => `Les agendas des clusters (${n} pages)`,
  'print.grid': 'La grille des rendez-vous',
  'print.print': 'Imprimer',
  'print.hint': 'Une page par cluster ; seul le document choisi est imprimé.',
  'print.footer': 'Planning version {version}',

  'download.title': 'Documents de la version {version} à télécharger',
  'download.agendaTitle': 'Mon agenda en fichier',
  'download.oneCluster': 'Agenda d’un seul cluster',
  'download.preparing': 'Préparation du fichier…',
  'download.done': 'Fichier {file} téléchargé.',
  'download.agendasPdf': 'Agendas, un par page (PDF)',
  'download.gridPdf': 'Grille A3 (PDF)',
  'download.gridPdfA4': 'Grille A4 (PDF)',
  'download.tablesPdf': 'Cartes de table (PDF)',
  'download.meetingsCsv': 'Rendez-vous (CSV, tableur)',
  'download.agendasHtml': 'Agendas (page HTML)',
  'download.gridHtml': 'Grille (page HTML)',
  'download.agendaPdf': 'Agenda (PDF)',
  'download.agendaIcs': 'Calendrier (.ics)',
  'download.manager.agendaPdf': 'Mon agenda (PDF)',
  'download.manager.agendaIcs': 'Ajouter à mon calendrier (.ics)',

  'manager.noLinkTitle': 'Ouvrez votre lien d’invitation',
  'manager.noLink': 'Cette page s’ouvre avec le lien personnel envoyé par l’organisateur de la journée.',
  'manager.invalidTitle': 'Lien non valide',
  'manager.invalid':
    'Ce lien d’invitation n’est pas valide ou a été remplacé. Demandez un nouveau lien à l’organisateur.',
  'manager.tab.event': 'L’événement',
  'manager.tab.wishes': 'Mes souhaits',
  'manager.tab.availability': 'Disponibilités',
  'manager.tab.agenda': 'Mon agenda',
  'manager.title.event': 'Votre journée Interclustering',
  'manager.title.wishes': 'Vos souhaits de rendez-vous',
  'manager.title.availability': 'Vos disponibilités',
  'manager.title.agenda': 'Votre agenda',
  'manager.date': 'Date',
  'manager.venue': 'Lieu',
  'manager.status': 'Où en est-on',
  'manager.statusExplain.draft': 'L’organisateur prépare la journée.',
  'manager.statusExplain.open': 'Vous pouvez saisir et modifier vos souhaits.',
  'manager.statusExplain.closed': 'Les souhaits sont clos ; le planning est en préparation.',
  'manager.statusExplain.scheduled': 'Le planning est en cours de vérification.',
  'manager.statusExplain.published': 'Votre agenda est disponible.',
  'manager.rules': 'Règles',
  'manager.rulesText': ({ meeting, cap, wishes }) =>
    `Rendez-vous de ${meeting} minutes ; ${cap} rendez-vous au plus ; jusqu’à ${wishes} souhaits classés.`,
  'manager.dayTitle': 'Déroulé de la journée',
  'manager.session': 'Session {n} : {start}–{end}',
  'manager.goWishes': 'Choisir mes rendez-vous',
  'manager.goAgenda': 'Voir mon agenda',
  'manager.agendaNotYet': 'Votre agenda sera visible ici dès que l’organisateur aura publié le planning.',
  'manager.agendaLead': ({ n, event, date }) =>
    `${plural(n, '1 rendez-vous', `${n} rendez-vous`)} — ${event}, ${date}.`,
  'manager.agendaPrint': 'Pour une version papier :',

  'wishlist.title': 'Ma liste classée',
  'wishlist.help':
    'Jusqu’à {max} clusters, du plus souhaité au moins souhaité. Réordonnez avec les flèches, en glissant la poignée, ou au clavier (Alt + ↑ / ↓ sur un élément). Enregistrer remplace toute la liste.',
  'wishlist.count': ({ n, max }) => `${n} / ${max} souhait${n > 1 ? 's' : ''}`,
  'wishlist.itemLabel': '{rank}. {name}',
  'wishlist.drag': 'Glisser pour déplacer',
  'wishlist.up': 'Monter {name}',
  'wishlist.down': 'Descendre {name}',
  'wishlist.remove': 'Retirer {name}',
  'wishlist.moved': '{name} est maintenant en position {rank} sur {total}.',
  'wishlist.removed': '{name} est retiré de la liste.',
  'wishlist.unsaved': 'Modifications non enregistrées.',
  'wishlist.submit': 'Enregistrer ma liste',
  'wishlist.saved': ({ n, names }) =>
    `C’est enregistré : ${plural(n, 'votre souhait', `vos ${n} souhaits`)} (${names}). Vous pouvez les modifier tant que les souhaits sont ouverts.`,
  'wishlist.savedEmpty': 'C’est enregistré : votre liste est vide.',
  'wishlist.stale': 'Votre liste a été modifiée ailleurs (autre appareil ?).',
  'wishlist.reload': 'Recharger la dernière version',
  'wishlist.reloaded': 'La dernière version enregistrée de votre liste est affichée.',
  'wishlist.readOnly': 'Les souhaits ne sont pas ouverts ({status}) : votre liste est en lecture seule.',
  'wishlist.emptyReadOnly': 'Vous n’avez exprimé aucun souhait.',

  'directory.title': 'Les clusters participants',
  'directory.search': 'Rechercher',
  'directory.region': 'Région',
  'directory.kind': 'Type',
  'directory.allRegions': 'Toutes les régions',
  'directory.allKinds': 'Tous les types',
  'directory.results': ({ n, total }) => `${n} cluster${n > 1 ? 's' : ''} sur ${total}`,
  'directory.yourself': 'Votre cluster',
  'directory.inList': 'Dans ma liste (n° {rank})',
  'directory.sameRegion': 'Même région',
  'directory.add': 'Ajouter',
  'directory.addNamed': 'Ajouter {name} à mes souhaits',
  'directory.added': '{name} ajouté en position {rank}.',
  'directory.full': 'Votre liste est complète ({max} souhaits) : retirez-en un pour en ajouter un autre.',

  reasons: {
    'excluded-avoid': ({ to }) => `l’organisateur a exclu une rencontre avec ${to}`,
    'excluded-already-met': ({ to }) =>
      `déjà rencontré ${to} lors d’une journée précédente, et le souhait n’est pas réciproque`,
    'excluded-same-region': ({ to }) => `${to} est de la même région (rencontres interrégionales uniquement)`,
    'no-common-slot': ({ from, to }) => `aucun créneau où ${from} et ${to} sont tous deux disponibles`,
    'wisher-at-cap': ({ from, max }) => `${from} a déjà ses ${max} rendez-vous`,
    'partner-at-cap': ({ to, max }) => `${to} a déjà ses ${max} rendez-vous`,
    'both-at-cap': ({ from, to, max }) => `${from} et ${to} ont déjà leurs ${max} rendez-vous`,
    'no-table-capacity': () => 'plus aucune table libre',
    'not-placeable': ({ to }) => `aucun créneau libre en commun avec ${to}`,
    'unknown-cluster': ({ to }) => `cluster inconnu : ${to}`,
  },
  reasonsYou: {
    'no-common-slot': ({ to }) => `aucun créneau où vous et ${to} êtes tous deux disponibles`,
    'wisher-at-cap': ({ max }) => `vous avez déjà vos ${max} rendez-vous`,
    'both-at-cap': ({ to, max }) => `vous et ${to} avez déjà vos ${max} rendez-vous`,
  },

  /** Server field errors by `code` (libs/scheduling/src/validation-codes.ts), read after the field label. */
  validation: {
    'unknown-field': ({ field }) => `Champ inconnu : ${frQuote(field)}.`,
    required: () => 'Ce champ est obligatoire.',
    'expected-string': (p) => `Un texte est attendu (reçu : ${gotText('fr', p)}).`,
    empty: () => 'Ce champ ne doit pas être vide.',
    'too-short': ({ min }) => `Trop court : au moins ${min} caractères.`,
    'nul-character': () => 'Ce texte contient un caractère NUL (U+0000), qui n’est pas du texte.',
    'too-long': ({ length, max }) =>
      length === undefined
        ? `Trop long : ${max} caractères au maximum.`
        : `Trop long : ${length} caractères pour ${max} au maximum.`,
    'expected-integer': (p) => `Un nombre entier est attendu (reçu : ${gotText('fr', p)}).`,
    'below-min': ({ value, min }) => `${value} est trop petit : le minimum est ${min}.`,
    'above-max': ({ value, max }) => `${value} est trop grand : le maximum est ${max}.`,
    'rank-above-max': ({ value, max }) => `Le rang ${value} dépasse la limite de ${max} souhaits.`,
    'table-above-max': ({ value, max }) =>
      `La table ${value} n’existe pas : l’événement compte ${plural(max, '1 table', `${max} tables`)}.`,
    'too-large': ({ value }) => `${value} est trop grand.`,
    'expected-array': (p) => `Une liste est attendue (reçu : ${gotText('fr', p)}).`,
    'expected-object': (p) => `Un objet est attendu (reçu : ${gotText('fr', p)}).`,
    'expected-time': (p) => `Une heure HH:MM entre 00:00 et 23:59 est attendue (reçu : ${gotText('fr', p)}).`,
    'expected-pair': (p) =>
      `Deux identifiants de clusters sont attendus (reçu : ${
        p.count === undefined ? gotText('fr', p) : plural(p.count, '1 élément', `${p.count} éléments`)
      }).`,
    'expected-cluster-id': (p) => `Un identifiant de cluster est attendu (reçu : ${gotText('fr', p)}).`,
    'expected-event-file': (p) =>
      `Ce n’est pas un fichier d’événement : un objet JSON est attendu (reçu : ${gotText('fr', p)}).`,
    'expected-schedule-file': (p) =>
      `Ce n’est pas un fichier de planning : un objet JSON est attendu (reçu : ${gotText('fr', p)}).`,
    'expected-wish-list': (p) => `Une liste de souhaits est attendue (reçu : ${gotText('fr', p)}).`,
    'wrong-format': (p) =>
      p.got === 'nothing'
        ? `Le format ${frQuote(p.expected)} est obligatoire.`
        : `Le format doit être ${frQuote(p.expected)} (reçu : ${gotText('fr', p)}).`,
    'end-not-after-start': ({ start, end }) => `La fin (${end}) doit être après le début (${start}).`,
    'invalid-date': ({ value }) => `${frQuote(value)} n’est pas une date du calendrier (AAAA-MM-JJ).`,
    'invalid-timezone': ({ value }) =>
      `${frQuote(value)} n’est pas un fuseau horaire IANA (comme « Europe/Paris »).`,
    'timezone-suggestion': ({ value, suggestion }) =>
      `${frQuote(value)} n’est pas un fuseau horaire IANA : vouliez-vous dire ${frQuote(suggestion)} ?`,
    'no-sessions': () => 'Il faut au moins une séance.',
    'sessions-overlap': ({ start, previousEnd }) =>
      `Cette séance commence à ${start}, avant la fin de la précédente (${previousEnd}) : les séances doivent se suivre sans se chevaucher.`,
    'invalid-pairing': (p) => `« any » ou « cross-region » est attendu (reçu : ${gotText('fr', p)}).`,
    'invalid-cluster-id': ({ value }) =>
      `${frQuote(value)} n’est pas un identifiant valide : minuscules, chiffres et « - », en commençant par une lettre ou un chiffre, 64 caractères au plus.`,
    'duplicate-cluster-id': ({ id, other }) => `L’identifiant ${frQuote(id)} est déjà utilisé (${other}).`,
    'duplicate-cluster-name': ({ name, otherName }) =>
      `Le nom ${frQuote(name)} est déjà pris par ${frQuote(otherName)} : les noms doivent être différents, majuscules comprises.`,
    'region-required': () =>
      'La région est obligatoire : les rendez-vous de cet événement se font entre régions différentes.',
    'region-blank': () =>
      'La région ne doit pas être vide : les rendez-vous de cet événement se font entre régions différentes.',
    'unknown-cluster': ({ id }) =>
      `Cluster inconnu : ${frQuote(id)} ne participe pas (ou plus) à l’événement.`,
    'self-wish': () => 'Un cluster ne peut pas se souhaiter lui-même.',
    'duplicate-wish': ({ from, to }) => `${frQuote(from)} souhaite déjà rencontrer ${frQuote(to)}.`,
    'duplicate-rank': ({ rank }) => `Le rang ${rank} est déjà donné à un autre souhait.`,
    'same-region': ({ from, to, region }) =>
      `${frQuote(from)} et ${frQuote(to)} sont tous deux de la région ${frQuote(region)}, or les rendez-vous se font entre régions différentes.`,
    'same-cluster-twice': ({ id }) =>
      `${frQuote(id)} apparaît deux fois : une paire réunit deux clusters différents.`,
    'slot-not-found': ({ slot, slots }) =>
      slots === 0
        ? `Le créneau ${slot} n’existe pas : l’événement n’a aucun créneau.`
        : `Le créneau ${slot} n’existe pas : l’événement compte ${plural(slots, '1 créneau (0)', `${slots} créneaux (0 à ${slots - 1})`)}.`,
    'duplicate-fixed-pair': ({ a, b, other }) =>
      `${frQuote(a)} et ${frQuote(b)} ont déjà un rendez-vous imposé (${other}) : une paire ne se rencontre qu’une fois.`,
    'fixed-over-cap': ({ id, max }) =>
      `${frQuote(id)} a plus de rendez-vous imposés que son maximum de ${max} rendez-vous.`,
    'unavailable-in-slot': (p) => `${frQuote(p.id)} n’est pas disponible sur ${slotText('fr', p)}.`,
    'busy-in-slot': (p) =>
      `${frQuote(p.id)} a déjà un rendez-vous imposé sur ${slotText('fr', p)} (${p.other}).`,
    'table-taken': (p) => `La table ${p.table} est déjà prise sur ${slotText('fr', p)} (${p.other}).`,
    'slot-over-tables': (p) =>
      `Plus de rendez-vous imposés sur ${slotText('fr', p)} que de tables (${p.tables}).`,
    'no-common-slot': ({ a, b }) =>
      `${frQuote(a)} et ${frQuote(b)} n’ont aucun créneau où tous deux sont disponibles.`,
    'invalid-json': () => 'Le contenu envoyé n’est pas du JSON valide.',
    'expected-positive-integer': ({ value }) =>
      `Un nombre entier positif est attendu (reçu : ${frQuote(value)}).`,
    'invalid-etag': ({ value }) => `Un numéro de version comme "3" est attendu (reçu : ${frQuote(value)}).`,
    'value-not-allowed': (p) =>
      p.allowed
        ? `Valeur non permise (${gotText('fr', p)}) : choisissez parmi ${p.allowed.join(', ')}.`
        : `Valeur non permise (reçu : ${gotText('fr', p)}).`,
    'invalid-value': (p) => `Valeur non valide (reçu : ${gotText('fr', p)}).`,
  },
};

const en = {
  skip: 'Skip to content',
  'nav.label': 'Main navigation',
  'nav.events': 'Events',
  'nav.logout': 'Log out',
  'notFound.title': 'Page not found',
  'notFound.home': 'Back to the start page',
  'error.title': 'Something went wrong',
  'error.network': 'The server does not answer. Check the connection and try again.',
  'error.forbidden': 'Not allowed',
  'error.summary': ({ n }) => plural(n, 'One field needs fixing:', `${n} things need fixing:`),
  'error.versionMismatch': 'The data changed meanwhile: reload the page.',

  'login.title': 'Organiser login',
  'login.lead': 'Log in to prepare your Interclustering days.',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.wrong': 'Wrong email or password.',
  'login.tooMany': 'Too many attempts: try again in a minute.',
  'login.expired': 'Your session has expired: please log in again.',
  'login.managerHint': 'Cluster manager? You need no password: open the invite link the organiser sent you.',

  'status.draft': 'Draft',
  'status.open': 'Wishes open',
  'status.closed': 'Wishes closed',
  'status.scheduled': 'Scheduled',
  'status.published': 'Published',
  'status.explain.draft': 'Prepare the event and the participants; managers cannot enter wishes yet.',
  'status.explain.open': 'Managers enter their wishes and availability through their links.',
  'status.explain.closed': 'Wishes are closed: run the solver.',
  'status.explain.scheduled': 'A schedule is computed: check it, compare versions, then publish.',
  'status.explain.published': 'The schedule is published: every manager sees its agenda.',
  'status.action.open': 'Open wishes',
  'status.action.close': 'Close wishes',
  'status.action.reopen': 'Re-open wishes',
  'status.changed': 'Event status: {status}.',

  'events.title': 'Events',
  'events.new': 'New event',
  'events.none': 'No event yet. Create one, or import an event file.',
  'events.name': 'Name',
  'events.date': 'Date',
  'events.status': 'Status',
  'events.participants': 'Participants',
  'events.importTitle': 'Import an event file',
  'events.importHint':
    'An “interclustering-event/1” file (JSON): settings, clusters, wishes and exclusions, imported in one go.',
  'events.importFile': 'Event file (.json)',
  'events.importSubmit': 'Import',
  'events.importChoose': 'choose a file',
  'events.importNotJson': 'this file is not valid JSON',
  'events.importing': 'Importing…',

  'event.newTitle': 'New event',
  'event.export': 'Export the file',
  'event.sections': 'Sections',
  'tab.settings': 'Settings',
  'tab.participants': 'Participants',
  'tab.wishes': 'Wishes',
  'tab.schedule': 'Schedule',
  'tab.print': 'Printing',

  'settings.general': 'The event',
  'settings.name': 'Event name',
  'settings.venue': 'Venue',
  'settings.date': 'Date',
  'settings.timezone': 'Time zone',
  'settings.timezoneHint': 'An IANA name, e.g. Europe/Paris.',
  'settings.sessions': 'Meeting sessions',
  'settings.sessionsHint': 'One or more periods of the day, in order, not overlapping.',
  'settings.sessionStart': 'Start of session {n}',
  'settings.sessionEnd': 'End of session {n}',
  'settings.addSession': 'Add a session',
  'settings.removeSession': 'Remove session {n}',
  'settings.rhythm': 'Rhythm and rules',
  'settings.meetingMinutes': 'Meeting length (minutes)',
  'settings.changeoverMinutes': 'Changeover between meetings (minutes)',
  'settings.tables': 'Number of tables',
  'settings.maxMeetings': 'Most meetings per cluster',
  'settings.maxWishes': 'Most wishes per cluster',
  'settings.pairing': 'Pairing rule',
  'settings.pairing.any': 'Any two clusters may meet',
  'settings.pairing.crossRegion': 'Only clusters of different regions',
  'settings.preview': 'Slots',
  'settings.previewSummary': ({ n, capacity, tables }) =>
    `${plural(n, '1 slot', `${n} slots`)} × ${tables} tables = at most ${capacity} meetings.`,
  'settings.previewNone': 'No slot: check the sessions and the meeting length.',
  'settings.previewHint': 'Computed as you type; the server has the last word when you save.',
  'settings.create': 'Create the event',
  'settings.save': 'Save the settings',
  'settings.saved': 'Settings saved.',
  'settings.frozen': 'The schedule is published: re-open wishes to change the event.',

  'participants.linksHint':
    'Each manager gets a personal link, without password. A link is shown only when it is created: copy it then. A new link disables the previous one.',
  'participants.issueAll': 'Create links for every participant',
  'participants.issueAllConfirm': 'Links already sent will stop working. Continue?',
  'participants.issuedAll': ({ n }) =>
    `${plural(n, '1 link created', `${n} links created`)}: copy and send them.`,
  'participants.copyAll': 'Copy every link',
  'participants.copiedAll': 'Every link is copied (name, tab, link; one line per cluster).',
  'participants.caption': ({ n, submitted }) =>
    `${plural(n, '1 participant', `${n} participants`)}, ${submitted} with wishes`,
  'participants.none': 'No participant yet: register clusters below.',
  'participants.name': 'Name',
  'participants.region': 'Region',
  'participants.regionKind': 'Region and kind',
  'participants.kind': 'Kind',
  'participants.kindHint': 'cluster, pôle de compétitivité, grappe…',
  'participants.contactEmail': 'Contact email',
  'participants.wishes': 'Wishes',
  'participants.invite': 'Invite link',
  'participants.actions': 'Actions',
  'participants.wishCount': ({ n }) => plural(n, '1 wish', `${n} wishes`),
  'participants.noWishes': 'No wishes',
  'participants.partTime': 'Part-time',
  'participants.issuedAt': 'Link created on {when}',
  'participants.noLink': 'No link yet',
  'participants.linkFor': 'Invite link of {name}',
  'participants.copy': 'Copy',
  'participants.copyFor': 'Copy the link of {name}',
  'participants.copied': 'Link of {name} copied.',
  'participants.copyFailed': 'Could not copy: select the link and copy it by hand.',
  'participants.issue': 'Create link',
  'participants.reissue': 'New link',
  'participants.reissueConfirm': 'The current link of {name} will stop working. Continue?',
  'participants.issued': 'New link created for {name}: copy and send it.',
  'participants.revoke': 'Revoke',
  'participants.revokeConfirm': 'Revoke the link of {name}? It will stop working.',
  'participants.revoked': 'Link of {name} revoked.',
  'participants.availability': 'Availability',
  'participants.availabilityOf': 'Availability of {name}',
  'participants.remove': 'Remove',
  'participants.removeConfirm':
    'Remove {name} from the event? Its wishes, and the wishes for it, will be deleted.',
  'participants.removed': '{name} no longer takes part in the event.',
  'participants.registerTitle': 'Register clusters',
  'participants.fromDirectory': 'From the directory',
  'participants.search': 'Search the directory',
  'participants.registerSelected': 'Register the selection',
  'participants.directoryEmpty': 'Every cluster of the directory already takes part.',
  'participants.chooseSome': 'Tick at least one cluster.',
  'participants.newCluster': 'New cluster',
  'participants.addCluster': 'Add and register',
  'participants.csvTitle': 'From a CSV file',
  'participants.csvHint':
    'A header line: name, region, kind, contact email (and id, optional); one line per cluster.',
  'participants.csvFile': 'CSV file',
  'participants.csvSubmit': 'Import the CSV',
  'participants.csvChoose': 'choose a file',
  'participants.registered': ({ n, skipped, created }) =>
    [
      plural(n, '1 cluster registered', `${n} clusters registered`),
      skipped ? `${skipped} already there` : null,
      created ? `${created} added to the directory` : null,
    ]
      .filter(Boolean)
      .join(', ') + '.',

  'availability.legend': 'Slots in which the cluster is available',
  'availability.all': 'Available for every slot.',
  'availability.some': ({ n, total }) => `Available for ${n} of ${total} slots.`,
  'availability.selectAll': 'Tick all',
  'availability.selectNone': 'Untick all',
  'availability.save': 'Save availability',
  'availability.saved': 'Availability saved.',
  'availability.help': 'Untick the slots in which you cannot be there. By default you are available all day.',
  'availability.readOnly': 'Wishes are closed: your availability can no longer change.',

  'wishes.total': 'wishes',
  'wishes.wishers': 'clusters made wishes',
  'wishes.mutualPairs': 'mutual pairs',
  'wishes.mostWished': 'Most wished (weighted by rank)',
  'wishes.receivedLine': ({ count, mutual }) =>
    `${plural(count, '1 wish', `${count} wishes`)}${mutual ? `, ${mutual} mutual` : ''}`,
  'wishes.noneYet': 'No wishes yet.',
  'wishes.nobody': ({ n }) => `Wished nobody (${n})`,
  'wishes.everyoneWished': 'Every cluster made wishes.',
  'wishes.notWished': ({ n }) => `Wished by nobody (${n})`,
  'wishes.everyoneWanted': 'Every cluster is wished at least once.',
  'wishes.matrix': 'Who wished whom',
  'wishes.matrixCaption':
    'Rows: the cluster who wishes; columns: the wished cluster (row numbers). Figure: rank of the wish.',
  'wishes.fromTo': 'From ↓ / to →',
  'wishes.cellTitle': '{from} wishes {to} (rank {rank})',
  'wishes.legend': 'Rank of the wish:',
  'wishes.legendMutual': 'mutual wish (border)',
  'wishes.matrixHint': 'Hover a cell to see the names. The table scrolls sideways.',

  'schedule.solveTitle': 'Compute a schedule',
  'schedule.solveHint':
    'The solver takes the current wishes and availability; each run makes a new version, earlier ones stay available.',
  'schedule.solveNotYet': 'The event is “{status}”: close wishes to run the solver.',
  'schedule.solve': 'Run the solver',
  'schedule.progressOf': 'Computing version {version}',
  'schedule.state.queued': 'Queued',
  'schedule.state.running': 'Running',
  'schedule.state.done': 'Done',
  'schedule.state.failed': 'Failed',
  'schedule.solved': 'Version {version} is computed.',
  'schedule.failed': 'Computing version {version} failed: {reason}',
  'schedule.versions': 'Schedule versions',
  'schedule.version': 'Version',
  'schedule.stateCol': 'State',
  'schedule.created': 'Requested on',
  'schedule.show': 'Show v{version}',
  'schedule.noVersion': 'No schedule computed yet.',
  'schedule.resultTitle': 'Schedule, version {version}',
  'schedule.publish': 'Publish version {version}',
  'schedule.publishNotYet': 'Publishing is possible from the “Scheduled” status.',
  'schedule.published': 'Version {version} published: managers see their agendas.',
  'schedule.isPublished': 'Version {version} is published.',
  'schedule.grid': 'Meeting grid',
  'schedule.time': 'Time',
  'schedule.table': 'Table',
  'schedule.tableN': 'Table {n}',
  'schedule.partner': 'Partner',
  'schedule.unmetTitle': ({ n }) => `Unmet wishes (${n})`,
  'schedule.allMet': 'Every wish is met.',
  'schedule.from': 'Cluster',
  'schedule.to': 'Wish',
  'schedule.rank': 'Rank',
  'schedule.reason': 'Reason',
  'schedule.perCluster': 'One cluster’s day',
  'schedule.cluster': 'Cluster',
  'schedule.chooseCluster': 'Choose a cluster…',

  'figures.served': 'Served clusters',
  'figures.score': 'Wish score',
  'figures.idle': 'Idle slots',
  'figures.bound': 'bound',
  'figures.more': 'more is better',
  'figures.fewer': 'fewer is better',
  'figures.meetings': ({ n }) => plural(n, '1 meeting', `${n} meetings`),
  'figures.metWishes': '{n} of {total} wishes met',
  'figures.optimal': 'proven optimal',
  'figures.seconds': 'solved in {s} s',

  'compare.title': 'Compare two versions',
  'compare.with': 'Compare v{version} with',
  'compare.choose': 'Choose a version…',
  'compare.ready': 'Comparison shown.',
  'compare.summary': ({ same, moved, onlyA, onlyB }) =>
    `${same} meetings in both (${moved} moved), ${onlyA} only in the first, ${onlyB} only in the second.`,
  'compare.onlyIn': 'Only in {label}',

  'agenda.free': 'Free',
  'agenda.unavailable': 'Not available',
  'agenda.mutual': 'Mutual wish (ranks {own} and {theirs})',
  'agenda.own': 'Its wish no. {rank}',
  'agenda.theirs': 'Partner’s wish no. {rank}',
  'agenda.fixed': 'Set by the organiser',
  'agenda.yourChoice': 'Your choice no. {rank}',
  'agenda.notYourChoice': 'Asked by the partner or the organiser',
  'agenda.unmet': 'Unmet wishes',
  'agenda.unmetLine': 'Choice no. {rank} — {to}',

  'print.nothing': 'Nothing to print: no schedule is computed.',
  'print.published': 'Documents of the published version ({version}).',
  'print.notPublished': 'Careful: version {version} is not published yet.',
  'print.what': 'To print',
  'print.agendas': ({ n }) => `The clusters’ agendas (${n} pages)`,
  'print.grid': 'The meeting grid',
  'print.print': 'Print',
  'print.hint': 'One page per cluster; only the chosen document is printed.',
  'print.footer': 'Schedule version {version}',

  'download.title': 'Documents of version {version} to download',
  'download.agendaTitle': 'My agenda as a file',
  'download.oneCluster': 'One cluster’s agenda',
  'download.preparing': 'Preparing the file…',
  'download.done': 'File {file} downloaded.',
  'download.agendasPdf': 'Agendas, one per page (PDF)',
  'download.gridPdf': 'Grid A3 (PDF)',
  'download.gridPdfA4': 'Grid A4 (PDF)',
  'download.tablesPdf': 'Table cards (PDF)',
  'download.meetingsCsv': 'Meetings (CSV, spreadsheet)',
  'download.agendasHtml': 'Agendas (HTML page)',
  'download.gridHtml': 'Grid (HTML page)',
  'download.agendaPdf': 'Agenda (PDF)',
  'download.agendaIcs': 'Calendar (.ics)',
  'download.manager.agendaPdf': 'My agenda (PDF)',
  'download.manager.agendaIcs': 'Add to my calendar (.ics)',

  'manager.noLinkTitle': 'Open your invite link',
  'manager.noLink': 'This page opens with the personal link sent by the organiser of the day.',
  'manager.invalidTitle': 'Link not valid',
  'manager.invalid': 'This invite link is not valid or was replaced. Ask the organiser for a new link.',
  'manager.tab.event': 'The event',
  'manager.tab.wishes': 'My wishes',
  'manager.tab.availability': 'Availability',
  'manager.tab.agenda': 'My agenda',
  'manager.title.event': 'Your Interclustering day',
  'manager.title.wishes': 'Your meeting wishes',
  'manager.title.availability': 'Your availability',
  'manager.title.agenda': 'Your agenda',
  'manager.date': 'Date',
  'manager.venue': 'Venue',
  'manager.status': 'Where things stand',
  'manager.statusExplain.draft': 'The organiser is preparing the day.',
  'manager.statusExplain.open': 'You can enter and change your wishes.',
  'manager.statusExplain.closed': 'Wishes are closed; the schedule is being prepared.',
  'manager.statusExplain.scheduled': 'The schedule is being checked.',
  'manager.statusExplain.published': 'Your agenda is ready.',
  'manager.rules': 'Rules',
  'manager.rulesText': ({ meeting, cap, wishes }) =>
    `${meeting}-minute meetings; at most ${cap} meetings; up to ${wishes} ranked wishes.`,
  'manager.dayTitle': 'The day',
  'manager.session': 'Session {n}: {start}–{end}',
  'manager.goWishes': 'Choose my meetings',
  'manager.goAgenda': 'See my agenda',
  'manager.agendaNotYet': 'Your agenda will appear here once the organiser publishes the schedule.',
  'manager.agendaLead': ({ n, event, date }) =>
    `${plural(n, '1 meeting', `${n} meetings`)} — ${event}, ${date}.`,
  'manager.agendaPrint': 'For a paper copy:',

  'wishlist.title': 'My ranked list',
  'wishlist.help':
    'Up to {max} clusters, most wanted first. Reorder with the arrows, by dragging the handle, or with the keyboard (Alt + ↑ / ↓ on an item). Saving replaces the whole list.',
  'wishlist.count': ({ n, max }) => `${n} / ${max} wish${n === 1 ? '' : 'es'}`,
  'wishlist.itemLabel': '{rank}. {name}',
  'wishlist.drag': 'Drag to move',
  'wishlist.up': 'Move {name} up',
  'wishlist.down': 'Move {name} down',
  'wishlist.remove': 'Remove {name}',
  'wishlist.moved': '{name} is now at position {rank} of {total}.',
  'wishlist.removed': '{name} is removed from the list.',
  'wishlist.unsaved': 'Unsaved changes.',
  'wishlist.submit': 'Save my list',
  'wishlist.saved': ({ n, names }) =>
    `Saved: ${plural(n, 'your wish', `your ${n} wishes`)} (${names}). You can change them while wishes are open.`,
  'wishlist.savedEmpty': 'Saved: your list is empty.',
  'wishlist.stale': 'Your list was changed elsewhere (another device?).',
  'wishlist.reload': 'Load the latest version',
  'wishlist.reloaded': 'The latest saved version of your list is shown.',
  'wishlist.readOnly': 'Wishes are not open ({status}): your list is read-only.',
  'wishlist.emptyReadOnly': 'You made no wish.',

  'directory.title': 'Participating clusters',
  'directory.search': 'Search',
  'directory.region': 'Region',
  'directory.kind': 'Kind',
  'directory.allRegions': 'All regions',
  'directory.allKinds': 'All kinds',
  'directory.results': ({ n, total }) => `${n} of ${total} clusters`,
  'directory.yourself': 'Your cluster',
  'directory.inList': 'In my list (no. {rank})',
  'directory.sameRegion': 'Same region',
  'directory.add': 'Add',
  'directory.addNamed': 'Add {name} to my wishes',
  'directory.added': '{name} added at position {rank}.',
  'directory.full': 'Your list is full ({max} wishes): remove one to add another.',

  reasons: {
    'excluded-avoid': ({ to }) => `the organiser excluded a meeting with ${to}`,
    'excluded-already-met': ({ to }) => `already met ${to} at an earlier event, and the wish is not mutual`,
    'excluded-same-region': ({ to }) => `${to} is from the same region (cross-region meetings only)`,
    'no-common-slot': ({ from, to }) => `no slot in which ${from} and ${to} are both available`,
    'wisher-at-cap': ({ from, max }) => `${from} already has its ${max} meetings`,
    'partner-at-cap': ({ to, max }) => `${to} already has its ${max} meetings`,
    'both-at-cap': ({ from, to, max }) => `${from} and ${to} already have their ${max} meetings`,
    'no-table-capacity': () => 'no table left',
    'not-placeable': ({ to }) => `no free slot in common with ${to}`,
    'unknown-cluster': ({ to }) => `unknown cluster: ${to}`,
  },
  reasonsYou: {
    'no-common-slot': ({ to }) => `no slot in which you and ${to} are both available`,
    'wisher-at-cap': ({ max }) => `you already have your ${max} meetings`,
    'both-at-cap': ({ to, max }) => `you and ${to} already have your ${max} meetings`,
  },

  /** Server field errors by `code` (libs/scheduling/src/validation-codes.ts), read after the field label. */
  validation: {
    'unknown-field': ({ field }) => `Unknown field: ${enQuote(field)}.`,
    required: () => 'This field is required.',
    'expected-string': (p) => `Text is expected (got ${gotText('en', p)}).`,
    empty: () => 'This field must not be empty.',
    'too-short': ({ min }) => `Too short: at least ${min} characters.`,
    'nul-character': () => 'This text contains a NUL character (U+0000), which is not text.',
    'too-long': ({ length, max }) =>
      length === undefined
        ? `Too long: at most ${max} characters.`
        : `Too long: ${length} characters, at most ${max}.`,
    'expected-integer': (p) => `A whole number is expected (got ${gotText('en', p)}).`,
    'below-min': ({ value, min }) => `${value} is too small: the minimum is ${min}.`,
    'above-max': ({ value, max }) => `${value} is too large: the maximum is ${max}.`,
    'rank-above-max': ({ value, max }) => `Rank ${value} is beyond the limit of ${max} wishes.`,
    'table-above-max': ({ value, max }) =>
      `Table ${value} does not exist: the event has ${plural(max, '1 table', `${max} tables`)}.`,
    'too-large': ({ value }) => `${value} is too large.`,
    'expected-array': (p) => `A list is expected (got ${gotText('en', p)}).`,
    'expected-object': (p) => `An object is expected (got ${gotText('en', p)}).`,
    'expected-time': (p) => `A time HH:MM between 00:00 and 23:59 is expected (got ${gotText('en', p)}).`,
    'expected-pair': (p) =>
      `Two cluster ids are expected (got ${
        p.count === undefined ? gotText('en', p) : plural(p.count, '1 item', `${p.count} items`)
      }).`,
    'expected-cluster-id': (p) => `A cluster id is expected (got ${gotText('en', p)}).`,
    'expected-event-file': (p) =>
      `This is not an event file: a JSON object is expected (got ${gotText('en', p)}).`,
    'expected-schedule-file': (p) =>
      `This is not a schedule file: a JSON object is expected (got ${gotText('en', p)}).`,
    'expected-wish-list': (p) => `A list of wishes is expected (got ${gotText('en', p)}).`,
    'wrong-format': (p) =>
      p.got === 'nothing'
        ? `The format ${enQuote(p.expected)} is required.`
        : `The format must be ${enQuote(p.expected)} (got ${gotText('en', p)}).`,
    'end-not-after-start': ({ start, end }) => `The end (${end}) must be after the start (${start}).`,
    'invalid-date': ({ value }) => `${enQuote(value)} is not a calendar date (YYYY-MM-DD).`,
    'invalid-timezone': ({ value }) => `${enQuote(value)} is not an IANA time zone (like "Europe/Paris").`,
    'timezone-suggestion': ({ value, suggestion }) =>
      `${enQuote(value)} is not an IANA time zone: did you mean ${enQuote(suggestion)}?`,
    'no-sessions': () => 'At least one session is needed.',
    'sessions-overlap': ({ start, previousEnd }) =>
      `This session starts at ${start}, before the previous one ends (${previousEnd}): sessions must follow each other without overlapping.`,
    'invalid-pairing': (p) => `"any" or "cross-region" is expected (got ${gotText('en', p)}).`,
    'invalid-cluster-id': ({ value }) =>
      `${enQuote(value)} is not a valid id: lowercase letters, digits and "-", starting with a letter or digit, at most 64 characters.`,
    'duplicate-cluster-id': ({ id, other }) => `The id ${enQuote(id)} is already used (${other}).`,
    'duplicate-cluster-name': ({ name, otherName }) =>
      `The name ${enQuote(name)} is already taken by ${enQuote(otherName)}: names must differ, ignoring case.`,
    'region-required': () => 'The region is required: meetings at this event are between different regions.',
    'region-blank': () =>
      'The region must not be blank: meetings at this event are between different regions.',
    'unknown-cluster': ({ id }) =>
      `Unknown cluster: ${enQuote(id)} is not (or no longer) taking part in the event.`,
    'self-wish': () => 'A cluster cannot wish to meet itself.',
    'duplicate-wish': ({ from, to }) => `${enQuote(from)} already wishes to meet ${enQuote(to)}.`,
    'duplicate-rank': ({ rank }) => `Rank ${rank} is already given to another wish.`,
    'same-region': ({ from, to, region }) =>
      `${enQuote(from)} and ${enQuote(to)} are both from region ${enQuote(region)}, and meetings are between different regions.`,
    'same-cluster-twice': ({ id }) =>
      `${enQuote(id)} appears twice: a pair is made of two different clusters.`,
    'slot-not-found': ({ slot, slots }) =>
      slots === 0
        ? `Slot ${slot} does not exist: the event has no slot.`
        : `Slot ${slot} does not exist: the event has ${plural(slots, '1 slot (0)', `${slots} slots (0 to ${slots - 1})`)}.`,
    'duplicate-fixed-pair': ({ a, b, other }) =>
      `${enQuote(a)} and ${enQuote(b)} already have a fixed meeting (${other}): a pair meets once.`,
    'fixed-over-cap': ({ id, max }) =>
      `${enQuote(id)} has more fixed meetings than its maximum of ${max} meetings.`,
    'unavailable-in-slot': (p) => `${enQuote(p.id)} is not available in ${slotText('en', p)}.`,
    'busy-in-slot': (p) =>
      `${enQuote(p.id)} already has a fixed meeting in ${slotText('en', p)} (${p.other}).`,
    'table-taken': (p) => `Table ${p.table} is already taken in ${slotText('en', p)} (${p.other}).`,
    'slot-over-tables': (p) => `More fixed meetings in ${slotText('en', p)} than tables (${p.tables}).`,
    'no-common-slot': ({ a, b }) =>
      `${enQuote(a)} and ${enQuote(b)} share no slot in which both are available.`,
    'invalid-json': () => 'What was sent is not valid JSON.',
    'expected-positive-integer': ({ value }) =>
      `A positive whole number is expected (got ${enQuote(value)}).`,
    'invalid-etag': ({ value }) => `A version number like "3" is expected (got ${enQuote(value)}).`,
    'value-not-allowed': (p) =>
      p.allowed
        ? `Value not allowed (${gotText('en', p)}): choose one of ${p.allowed.join(', ')}.`
        : `Value not allowed (got ${gotText('en', p)}).`,
    'invalid-value': (p) => `Value not valid (got ${gotText('en', p)}).`,
  },
};

export const DICTIONARIES = { fr, en };

export function getLang() {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    return stored === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

export function setLang(lang) {
  localStorage.setItem(LANG_KEY, lang === 'en' ? 'en' : 'fr');
  for (const listener of listeners) listener(getLang());
}

export function onLangChange(listener) {
  listeners.push(listener);
}

export function locale() {
  return getLang() === 'en' ? 'en-GB' : 'fr-FR';
}

/** The message `key` in the current language, with `{name}` replaced by `params.name`. */
export function t(key, params = {}) {
  const message = DICTIONARIES[getLang()][key] ?? fr[key];
  if (message === undefined) return key;
  if (typeof message === 'function') return message(params);
  return message.replace(/\{(\w+)\}/g, (whole, name) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function statusLabel(status) {
  return t(`status.${status}`);
}

/** « jeudi 9 juillet 2015 » from `YYYY-MM-DD` (the date alone, no time-zone shift). */
export function formatDate(date) {
  const [y, m, d] = String(date).split('-').map(Number);
  if (!y || !m || !d) return String(date);
  return new Intl.DateTimeFormat(locale(), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant (ISO string) in the browser's time zone: « 9 juil. 2015, 10:32 ». */
export function formatInstant(value) {
  if (!value) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(value),
  );
}

/**
 * An unmet wish's reason in the current language from its stable `code` (names of both clusters),
 * addressed to the manager ("you") or to the organiser; the server's English `reason` otherwise.
 */
export function reasonText(wish, names, perspective = 'organiser') {
  const dictionary = DICTIONARIES[getLang()];
  const translate =
    (perspective === 'organiser' ? undefined : dictionary.reasonsYou[wish.code]) ??
    dictionary.reasons[wish.code];
  return translate ? translate(names) : wish.reason;
}

/**
 * One server field error (`{path, message, code, params}`) as a sentence in the current language,
 * to show after the field's label; the server's English message when the code is unknown here.
 */
export function issueText(issue) {
  const translate = DICTIONARIES[getLang()].validation[issue?.code];
  if (typeof translate !== 'function') return issue?.message ?? '';
  try {
    const text = translate(issue.params ?? {});
    return typeof text === 'string' && text !== '' ? text : issue.message;
  } catch {
    return issue.message;
  }
}

/** `issueText` after the issue's place (`wishes[2].rank : …`), for errors shown away from their field. */
export function issueLine(issue) {
  const text = issueText(issue);
  if (!issue?.path || issue.path === '(root)') return text;
  return getLang() === 'en' ? `${issue.path}: ${text}` : `${issue.path} : ${text}`;
}

/** A readable message for any error (the API's message, or a network problem). */
export function errorText(error) {
  if (error?.code === 'NETWORK') return t('error.network');
  if (error?.code === 'VALIDATION_FAILED' && error.errors?.length) {
    return error.errors.map(issueLine).join(' ');
  }
  if (error?.status === 403 && error.code === 'FORBIDDEN')
    return `${t('error.forbidden')} : ${error.message}`;
  return error?.message ?? String(error);
}
