export default {
  app: { name: 'fuyou', subtitle: "Chongqing women's and children's health network", logout: 'Sign out', language: '中文', loading: 'Loading…' },
  nav: { home: 'Home', persons: 'Persons', institutions: 'Institutions', audit: 'Audit', pregnancies: 'Pregnancies', worklist: 'Worklist', cases: 'High-risk cases', children: 'Child health', calculators: 'Calculators' },
  roles: { CLINICIAN: 'Clinician', MIDWIFE_NURSE: 'Midwife / nurse', INSTITUTION_ADMIN: 'Institution admin', REGIONAL_OFFICIAL: 'Regional official', SYSTEM_ADMIN: 'System admin' },
  login: { title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', badCredentials: 'Wrong username or password', locked: 'Too many failed attempts: locked until {until}', demo: "Demo password: Demo{'@'}2026" },
  common: { search: 'Search', reset: 'Reset', save: 'Save', cancel: 'Cancel', edit: 'Edit', create: 'New', open: 'Open', back: 'Back', confirm: 'Confirm', export: 'Export', empty: 'Nothing here yet', error: 'Something went wrong', all: 'All', yes: 'Yes', no: 'No', reason: 'Reason', version: 'Version', status: 'Status', actions: 'Actions', total: '{n} in all', reload: 'Reload', staleVersion: 'Someone else changed this record: reload before saving', saved: 'Saved', required: 'Required' },
  home: { title: 'Network overview', persons: 'Persons', women: 'Women', children: 'Children under 3', institutions: 'Institutions', alliance: 'Alliance members', byArea: 'Institutions and persons by district', byType: 'Institution types', institutionsSeries: 'Institutions', personsSeries: 'Persons' },
  person: {
    searchPlaceholder: 'Name, ID number or mobile', register: 'Register a person', name: 'Name', familyName: 'Family name', givenName: 'Given name', sex: 'Sex', F: 'Female', M: 'Male', U: 'Undetermined',
    birthDate: 'Birth date', idType: 'Document', idNumber: 'Document number', RESIDENT_ID: 'Resident ID', PASSPORT: 'Passport', BIRTH_RECORD: 'Birth record',
    nationality: 'Nationality', phone: 'Mobile', area: 'Area', address: 'Address', registeredAt: 'Registered at', links: 'Family',
    MOTHER: 'Mother', CHILD: 'Child', PARTNER: 'Partner', restricted: 'Restricted', emptySearch: 'Type a name, ID number or mobile number to search',
    noResult: 'No person you may see matches', identity: 'Identity', accessLog: 'Who viewed this record', forbidden: 'Your institution is not entitled to this record',
    forbiddenHint: 'She is not registered at, cared for at or referred to your institution. In an emergency you may break the glass: give a reason; the access is flagged in the audit.',
    breakGlass: 'Break the glass', breakGlassReason: 'Reason for emergency access (10+ characters)', sameId: 'This document number is already registered: it is the same person.', openExisting: 'Open the existing record',
    possibleDuplicate: 'A person with the same name, birth date and phone exists — possibly the same person:', registerAnyway: 'Register as a new person anyway', merge: 'Merge into this record',
    idChecksum: 'The check character is wrong', idLength: 'A resident ID has 18 characters', created: 'Registered', mergedInto: 'This record was merged into', pregnancies: 'Pregnancies', newPregnancy: 'Register a pregnancy', childRecord: 'Child health record'
  },
  institution: {
    title: 'Institution directory', code: 'Code', name: 'Name', nameZh: 'Chinese name', nameEn: 'English name', level: 'Level', type: 'Type', area: 'Area', zone: 'Zone',
    designations: 'Designations', serviceAreas: 'Service areas', alliance: 'Alliance', joined: 'Joined', agreement: 'Agreement', history: 'History', levelN: 'Level {n}',
    types: { MCH_HOSPITAL: 'MCH hospital', GENERAL_HOSPITAL: 'General hospital', CHILDRENS_HOSPITAL: "Children's hospital", COMMUNITY_HEALTH_CENTRE: 'Community/township health centre', NURSERY: 'Nursery', MCH_INSTITUTE: 'MCH institute' },
    des: { CRITICAL_MATERNAL_CARE_CENTRE: 'Critical maternal care centre', CRITICAL_NEWBORN_CARE_CENTRE: 'Critical newborn care centre', ART_CENTRE: 'ART centre', PRENATAL_DIAGNOSIS_CENTRE: 'Prenatal diagnosis centre', INFANT_CARE_GUIDANCE_CENTRE: 'Infant care guidance centre' },
    allianceStatus: { ACTIVE: 'Active', SUSPENDED: 'Suspended', LEFT: 'Left' }
  },
  audit: { title: 'Audit trail', at: 'When', user: 'User', institution: 'Institution', action: 'Action', entity: 'Record', outcome: 'Outcome', breakGlass: 'Break-glass', ip: 'From', ALLOWED: 'Allowed', DENIED: 'Denied', from: 'From', to: 'To' },
  risk: { GREEN: 'Green', YELLOW: 'Yellow', ORANGE: 'Orange', RED: 'Red', PURPLE: 'Purple', SCREENING: 'Screening', purple: 'Infectious (purple)', none: 'Not graded', colourLabel: 'Risk colour', timeline: 'Risk over time', factors: 'Risk factors', confirm: 'Confirm', override: 'Override colour', overrideReason: 'Reason for the override', computed: 'Computed', confirmed: 'Confirmed', screenPositive: 'Screen positive' },
  pregnancy: {
    title: 'Pregnancy record', register: 'Register a pregnancy', gravida: 'Gravida', para: 'Para', lmp: 'LMP', edd: 'EDD', ga: 'Gestational age', gaValue: '{w}+{d} weeks', dating: 'Dating', datingMethod: 'Dated by',
    LMP: 'LMP', ULTRASOUND: 'Ultrasound', ART: 'ART', redated: 'Redated to ultrasound', suboptimal: 'No ultrasound before 22 weeks', height: 'Height (cm)', weight: 'Pre-pregnancy weight (kg)',
    fetusCount: 'Fetuses', uterineSurgeries: 'Uterine surgeries', historyFactors: 'History factors', contacts: 'Antenatal contacts', newContact: 'Record a contact', contactDate: 'Date',
    weightKg: 'Weight (kg)', bp: 'Blood pressure', systolic: 'Systolic', diastolic: 'Diastolic', fundal: 'Fundal height (cm)', fhr: 'Fetal heart (bpm)', hb: 'Haemoglobin (g/L)', plt: 'Platelets (×10⁹/L)',
    glucose: 'Fasting glucose', rh: 'Rh', hiv: 'HIV', syphilis: 'Syphilis', hbsag: 'HBsAg', factors: 'Clinical risk factors', plan: 'Plan', nextAppointment: 'Next appointment',
    POSITIVE: 'Positive', NEGATIVE: 'Negative', schedule: 'National 5-visit schedule', DONE: 'Done', UPCOMING: 'Upcoming', DUE: 'Due', OVERDUE: 'Overdue',
    cases: 'Dedicated cases', careWarning: 'Level of care', delivery: 'Delivery', status: { OPEN: 'Pregnant', DELIVERED: 'Puerperium', CLOSED: 'Closed' }, tasks: 'Grading tasks',
    caseList: 'District high-risk cases', district: 'District', reportedTo: 'Reported to', careInstitution: 'Cared for at', openedAt: 'Opened', dashboard: 'Institution dashboard',
    byColour: 'Open pregnancies by colour', overdueContacts: 'Overdue contacts', dueContacts: 'Due contacts', openCases: 'Open cases', gradingTrend: 'Gradings, last 12 months', worklist: 'Worklist',
    kinds: { ANTENATAL: 'Antenatal', POSTPARTUM: 'Postpartum', GRADING_TASK: 'Grading task', PMTCT: 'PMTCT' }, item: 'Item', dueFrom: 'From', dueUntil: 'Until'
  },
  child: { band: 'SD band', title: 'Child health', growth: 'Growth chart', weightForAge: 'Weight-for-age', visits: 'Visits', newVisit: 'Record a visit', visitDate: 'Visit date', weightKg: 'Weight (kg)', lengthCm: 'Length/height (cm)', measurement: 'Position', RECUMBENT: 'Recumbent', STANDING: 'Standing', hc: 'Head circumference (cm)', ageDays: 'Age (days)', highRisk: 'High-risk reasons', schedule: 'Check-up schedule', birth: 'Birth' }
}
