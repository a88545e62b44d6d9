/** Demo content, in French, fixed so every seeded database is the same. */

export const DEMO_STAFF = [
  { email: 'admin@aptic.fr', fullName: 'Nadia Benali', role: 'ADMIN', password: 'Admin-Aptic-2026!' },
  { email: 'relecture@aptic.fr', fullName: 'Julien Moreau', role: 'REVIEWER', password: 'Relecture-Aptic-2026!' },
  { email: 'finance@aptic.fr', fullName: 'Claire Dubois', role: 'FINANCE', password: 'Finance-Aptic-2026!' },
  { email: 'support@aptic.fr', fullName: 'Karim Haddad', role: 'SUPPORT', password: 'Support-Aptic-2026!' },
  { email: 'relecture2@aptic.fr', fullName: 'Sophie Laurent', role: 'REVIEWER', password: 'Relecture2-Aptic-2026!' },
] as const;

export const REFERENTIAL: { code: string; label: string; services: [string, string][] }[] = [
  {
    code: 'MATERIEL-SOLIDAIRE',
    label: 'Acquisition de matériel informatique à prix solidaire',
    services: [
      ['Conseil pour choisir un ordinateur reconditionné', 'Identifier le matériel adapté à ses usages et à son budget.'],
      ['Prise en main d’un équipement reconditionné', 'Première mise en route, comptes et mises à jour.'],
      ['Accompagnement à l’achat d’un smartphone solidaire', 'Comparer les offres solidaires et éviter les pièges.'],
    ],
  },
  {
    code: 'DEMARCHES',
    label: 'Aide aux démarches administratives',
    services: [
      ['Création d’un compte France Connect', 'Créer et sécuriser son identité numérique.'],
      ['Déclaration de revenus en ligne', 'Remplir et envoyer sa déclaration sur impots.gouv.fr.'],
      ['Démarches CAF en ligne', 'Déclaration trimestrielle, simulation et suivi des droits.'],
      ['Inscription et actualisation France Travail', 'Tenir son espace personnel à jour.'],
      ['Prise de rendez-vous médical en ligne', 'Utiliser les plateformes de prise de rendez-vous.'],
    ],
  },
  {
    code: 'OUTILS-QUOTIDIEN',
    label: 'Maîtrise des outils numériques du quotidien',
    services: [
      ['Utiliser sa messagerie électronique', 'Envoyer, recevoir, trier ses courriels et pièces jointes.'],
      ['Prendre en main son smartphone', 'Réglages, applications, appels vidéo.'],
      ['Classer et sauvegarder ses documents', 'Dossiers, numérisation, sauvegarde en ligne.'],
    ],
  },
  {
    code: 'INSERTION-PRO',
    label: 'Insertion professionnelle via le numérique',
    services: [
      ['Rédiger son CV en ligne', 'Mettre en forme et exporter un CV.'],
      ['Candidater en ligne', 'Trouver des offres et postuler sur les plateformes.'],
      ['Préparer un entretien en visioconférence', 'Tester son matériel et s’exercer.'],
    ],
  },
  {
    code: 'SECURITE',
    label: 'Utilisation sécurisée du numérique',
    services: [
      ['Reconnaître les arnaques en ligne', 'Hameçonnage, faux sites, faux conseillers.'],
      ['Gérer ses mots de passe', 'Créer des mots de passe solides et les conserver.'],
      ['Protéger ses données personnelles', 'Paramètres de confidentialité et droits RGPD.'],
    ],
  },
  {
    code: 'PARENTALITE',
    label: 'Parentalité et éducation avec le numérique',
    services: [
      ['Suivre la scolarité de son enfant en ligne', 'Espaces numériques de travail et Pronote.'],
      ['Accompagner les écrans en famille', 'Contrôle parental et temps d’écran.'],
      ['Aider aux devoirs avec le numérique', 'Ressources éducatives fiables.'],
    ],
  },
  {
    code: 'LOISIRS-CREATION',
    label: 'Loisirs et créations numériques',
    services: [
      ['Retoucher et partager ses photos', 'Trier, retoucher, créer un album.'],
      ['Initiation à la création de vidéos', 'Filmer, monter et publier une courte vidéo.'],
      ['Découvrir les ressources culturelles en ligne', 'Médiathèques numériques, musées virtuels.'],
    ],
  },
  {
    code: 'COMPRENDRE-NUMERIQUE',
    label: 'Compréhension du monde numérique',
    services: [
      ['Comprendre les réseaux sociaux', 'Fonctionnement, algorithmes, bonnes pratiques.'],
      ['S’informer et vérifier une information', 'Repérer les fausses informations.'],
      ['Découvrir l’intelligence artificielle', 'Usages, limites et précautions.'],
    ],
  },
  {
    code: 'ACCES-INTERNET',
    label: 'Accès internet et matériel informatique',
    services: [
      ['Accès libre accompagné à un poste connecté', 'Utiliser un ordinateur et internet avec un médiateur.'],
      ['Choisir une offre internet adaptée', 'Box, forfait mobile, tarifs sociaux.'],
      ['Imprimer et numériser ses documents', 'Utiliser imprimante et scanner.'],
    ],
  },
];

export const CHARTERS = [
  {
    version: 1,
    title: 'Charte des APTICulteurs — version 1',
    publishedAt: '2024-01-15T09:00:00.000Z',
    body:
      'Les structures labellisées APTICulteurs s’engagent à accueillir tout détenteur de pass #APTIC, ' +
      'à proposer des services de médiation numérique inscrits au référentiel national, à ne pas demander ' +
      'de reste à charge sans en informer le bénéficiaire, et à scanner chaque pass utilisé au moment du service.',
  },
  {
    version: 2,
    title: 'Charte des APTICulteurs — version 2',
    publishedAt: '2026-09-01T08:00:00.000Z',
    body:
      'Les structures labellisées APTICulteurs s’engagent à : 1. accueillir sans discrimination tout détenteur ' +
      'de pass #APTIC ; 2. proposer des services inscrits au référentiel national, au prix régulé de 10 € par ' +
      'service, sans reste à charge pour le bénéficiaire ; 3. ne jamais accepter deux pass d’un même carnet pour ' +
      'un même service ; 4. scanner chaque pass au moment du service et conserver la trace de l’accompagnement ; ' +
      '5. tenir à jour leurs coordonnées bancaires et leur catalogue ; 6. répondre aux demandes de contrôle de l’association.',
  },
];

export const QUESTIONNAIRE = {
  version: 1,
  title: 'Questionnaire d’éligibilité APTICulteur',
  threshold: 60,
  questions: [
    {
      code: 'MEDIATION_ACTIVITY',
      label: 'La médiation numérique fait-elle partie de vos activités régulières ?',
      options: [
        { value: 'MAIN', label: 'Oui, c’est notre activité principale', score: 30 },
        { value: 'REGULAR', label: 'Oui, de façon régulière', score: 20 },
        { value: 'OCCASIONAL', label: 'Occasionnellement', score: 5 },
        { value: 'NO', label: 'Non', score: 0 },
      ],
    },
    {
      code: 'TRAINED_STAFF',
      label: 'Vos médiateurs sont-ils formés (Pix, CCP, Conseiller numérique…) ?',
      options: [
        { value: 'ALL', label: 'Tous', score: 25 },
        { value: 'SOME', label: 'Une partie', score: 15 },
        { value: 'NONE', label: 'Aucun', score: 0 },
      ],
    },
    {
      code: 'PUBLIC_ACCESS',
      label: 'Accueillez-vous du public sans rendez-vous ?',
      options: [
        { value: 'YES', label: 'Oui, plusieurs demi-journées par semaine', score: 20 },
        { value: 'BY_APPOINTMENT', label: 'Uniquement sur rendez-vous', score: 10 },
        { value: 'NO', label: 'Non', score: 0 },
      ],
    },
    {
      code: 'EQUIPMENT',
      label: 'Disposez-vous de postes informatiques en accès libre ?',
      options: [
        { value: 'YES', label: 'Oui', score: 15 },
        { value: 'NO', label: 'Non', score: 0 },
      ],
    },
    {
      code: 'PARTNERSHIPS',
      label: 'Travaillez-vous avec des travailleurs sociaux (CCAS, CAF, Département) ?',
      options: [
        { value: 'FORMAL', label: 'Oui, par convention', score: 10 },
        { value: 'INFORMAL', label: 'Oui, sans convention', score: 5 },
        { value: 'NO', label: 'Non', score: 0 },
      ],
    },
  ],
};

export const SPONSORS = [
  { name: 'Département de la Gironde', kind: 'DEPARTEMENT', siren: '223300010', addressLine: '1 esplanade Charles-de-Gaulle', postalCode: '33000', city: 'Bordeaux', departement: '33', contactName: 'Hélène Garnier', contactEmail: 'inclusion.numerique@gironde.example.fr', contactPhone: '05 56 99 33 33' },
  { name: 'Ville de Lyon — CCAS', kind: 'COMMUNE', siren: '266900273', addressLine: '3 rue de l’Arbre-Sec', postalCode: '69001', city: 'Lyon', departement: '69', contactName: 'Thomas Perrin', contactEmail: 'ccas.numerique@lyon.example.fr', contactPhone: '04 72 10 30 30' },
  { name: 'CAF du Nord', kind: 'CAF', siren: '783711892', addressLine: '82 rue Brûle-Maison', postalCode: '59000', city: 'Lille', departement: '59', contactName: 'Aurélie Lefebvre', contactEmail: 'partenariats@caf59.example.fr', contactPhone: null },
  { name: 'Fonds solidarité numérique Occitanie', kind: 'SOCIAL_FUND', siren: '812345673', addressLine: '14 allée Jean-Jaurès', postalCode: '31000', city: 'Toulouse', departement: '31', contactName: 'Mathieu Roux', contactEmail: 'contact@fsn-occitanie.example.fr', contactPhone: '05 61 00 00 00' },
] as const;

export interface DemoStructure {
  name: string;
  siren: string;
  legalForm: string;
  addressLine: string;
  postalCode: string;
  city: string;
  departement: string;
  legalRepName: string;
  iban: string;
  bic: string;
  status: 'ELIGIBLE' | 'SUSPENDED' | 'APPLICANT' | 'REJECTED';
  /** For APPLICANT structures: the state of their pending application. */
  application?: 'SUBMITTED' | 'IN_REVIEW' | 'ON_HOLD';
  charterVersion: 1 | 2;
}

/** The centre of each demo town (WGS 84): the demo places are drawn around it on the public map. */
export const DEMO_TOWN_CENTRES: Record<string, [number, number]> = {
  Bordeaux: [44.8378, -0.5792],
  Bègles: [44.8086, -0.5478],
  Lille: [50.6292, 3.0573],
  Lyon: [45.764, 4.8357],
  Mérignac: [44.8386, -0.6436],
  Pessac: [44.8067, -0.6311],
  Roubaix: [50.6942, 3.1746],
  Talence: [44.806, -0.588],
  Toulouse: [43.6047, 1.4442],
  Tourcoing: [50.7239, 3.1612],
  Villeurbanne: [45.7719, 4.8902],
};

// IBANs are valid (mod 97) test-style French IBANs; BICs are real-looking 8/11 characters.
export const STRUCTURES: DemoStructure[] = [
  { name: 'Espace numérique des Chartrons', siren: '518654321', legalForm: 'Association loi 1901', addressLine: '12 rue Notre-Dame', postalCode: '33000', city: 'Bordeaux', departement: '33', legalRepName: 'Lucie Fabre', iban: 'FR7630004000031234567890143', bic: 'BNPAFRPPXXX', status: 'ELIGIBLE', charterVersion: 2 },
  { name: 'Médiathèque de Mérignac — Point numérique', siren: '213302813', legalForm: 'Collectivité territoriale', addressLine: '19 place Charles-de-Gaulle', postalCode: '33700', city: 'Mérignac', departement: '33', legalRepName: 'Pierre Lambert', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPBOR', status: 'ELIGIBLE', charterVersion: 2 },
  { name: 'Les Connectés de Bègles', siren: '533021469', legalForm: 'Association loi 1901', addressLine: '4 avenue du Maréchal-Leclerc', postalCode: '33130', city: 'Bègles', departement: '33', legalRepName: 'Amina Diallo', iban: 'FR7610107001011234567890129', bic: 'BREDFRPPXXX', status: 'ELIGIBLE', charterVersion: 1 },
  { name: 'Tiers-lieu La Fabrique Lyon 8', siren: '824156390', legalForm: 'SCIC', addressLine: '55 avenue des États-Unis', postalCode: '69008', city: 'Lyon', departement: '69', legalRepName: 'Hugo Bernard', iban: 'FR7617569000307654321098744', bic: 'AGRIFRPP875', status: 'ELIGIBLE', charterVersion: 2 },
  { name: 'Centre social Croix-Rousse Numérique', siren: '779654820', legalForm: 'Association loi 1901', addressLine: '7 rue Dumenge', postalCode: '69004', city: 'Lyon', departement: '69', legalRepName: 'Élodie Martin', iban: 'FR7612548029981234567890161', bic: 'AXABFRPP', status: 'ELIGIBLE', charterVersion: 2 },
  { name: 'Emmaüs Connect Lille', siren: '752468910', legalForm: 'Association loi 1901', addressLine: '30 rue de Wazemmes', postalCode: '59000', city: 'Lille', departement: '59', legalRepName: 'Samuel Petit', iban: 'FR7630076020821234567890186', bic: 'NORDFRPP', status: 'ELIGIBLE', charterVersion: 1 },
  { name: 'France services Roubaix Numérique', siren: '215905121', legalForm: 'Collectivité territoriale', addressLine: '17 Grand-Place', postalCode: '59100', city: 'Roubaix', departement: '59', legalRepName: 'Fatima Zerrouki', iban: 'FR7610278022270002020780155', bic: 'CMCIFR2A', status: 'ELIGIBLE', charterVersion: 2 },
  { name: 'Coop numérique toulousaine', siren: '849512367', legalForm: 'SCOP', addressLine: '2 rue d’Alsace-Lorraine', postalCode: '31000', city: 'Toulouse', departement: '31', legalRepName: 'Bastien Girard', iban: 'FR7613135000800412345678902', bic: 'CEPAFRPP313', status: 'ELIGIBLE', charterVersion: 2 },
  { name: 'Association Clic & Lien Talence', siren: '498765432', legalForm: 'Association loi 1901', addressLine: '8 cours Gambetta', postalCode: '33400', city: 'Talence', departement: '33', legalRepName: 'Inès Robert', iban: 'FR7630003030401234567890113', bic: 'SOGEFRPP', status: 'SUSPENDED', charterVersion: 1 },
  { name: 'Point Cyber Villeurbanne', siren: '891234563', legalForm: 'Association loi 1901', addressLine: '21 cours Émile-Zola', postalCode: '69100', city: 'Villeurbanne', departement: '69', legalRepName: 'Yanis Chevalier', iban: 'FR7630002005500000157845Z02', bic: 'CRLYFRPP', status: 'APPLICANT', application: 'SUBMITTED', charterVersion: 2 },
  { name: 'Atelier numérique de Tourcoing', siren: '902345671', legalForm: 'Association loi 1901', addressLine: '9 rue Nationale', postalCode: '59200', city: 'Tourcoing', departement: '59', legalRepName: 'Manon Roussel', iban: 'FR7611315000011234567890138', bic: 'CEPAFRPP131', status: 'APPLICANT', application: 'IN_REVIEW', charterVersion: 2 },
  { name: 'Régie de quartier Mirail Connect', siren: '913456785', legalForm: 'Association loi 1901', addressLine: '5 place Abbal', postalCode: '31100', city: 'Toulouse', departement: '31', legalRepName: 'Omar Belkacem', iban: 'FR7614505000010412345678941', bic: 'CEPAFRPP450', status: 'APPLICANT', application: 'ON_HOLD', charterVersion: 2 },
  { name: 'Informatique pour tous Pessac', siren: '924567894', legalForm: 'Entreprise individuelle', addressLine: '40 avenue Jean-Jaurès', postalCode: '33600', city: 'Pessac', departement: '33', legalRepName: 'Gérard Lemoine', iban: 'FR7630004028370001234567822', bic: 'BNPAFRPPBOR', status: 'REJECTED', charterVersion: 2 },
];
