/**
 * Which column of a spreadsheet holds which field: the export headers of the CRMs
 * people move from (Pipedrive, HubSpot, Salesforce, Zoho, Close), then common
 * synonyms. test/fixtures/crm/ has one export per CRM, written from their
 * documented column names.
 */
export const CSV_FIELDS = [
  'title',
  'client',
  'company',
  'phone',
  'email',
  'promisedBy',
  'promisedTime',
  'myTarget',
  'value',
  'currency',
  'status',
  'completedAt',
  'notes',
] as const
export type CsvField = (typeof CSV_FIELDS)[number]
export type CsvMapping = Partial<Record<CsvField, number>>

export const CSV_FIELD_LABELS: Record<CsvField, string> = {
  title: 'Title',
  client: 'Client',
  company: 'Company',
  phone: 'Phone',
  email: 'Email',
  promisedBy: 'Promised by',
  promisedTime: 'Time',
  myTarget: 'My target',
  value: 'Value',
  currency: 'Currency',
  status: 'Done / status',
  completedAt: 'Completed at',
  notes: 'Notes',
}

/** "Activity - Due date" → "duedate": case, spaces and punctuation do not matter, nor Pipedrive's "Activity -" prefix. */
export const normaliseHeader = (header: string) =>
  header
    .toLowerCase()
    .replace(/^\s*(activity|task)\s*[-–:]\s*/, '')
    .replace(/[^a-z0-9]/g, '')

interface CrmExport {
  name: string
  /** Headers (normalised) that together say the file came from this CRM. */
  signature: string[]
  columns: Record<string, CsvField>
}

/** Each CRM's own export headers, normalised; read before the generic synonyms so e.g. Pipedrive's "Deal" (a deal's title) is not taken for a value. */
const CRM_EXPORTS: CrmExport[] = [
  {
    name: 'Pipedrive activities',
    signature: ['subject', 'contactperson', 'duedate'],
    columns: {
      subject: 'title',
      contactperson: 'client',
      organization: 'company',
      duedate: 'promisedBy',
      duetime: 'promisedTime',
      done: 'status',
      markedasdonetime: 'completedAt',
      note: 'notes',
      personemail: 'email',
      personphone: 'phone',
      dealvalue: 'value',
      dealcurrency: 'currency',
    },
  },
  {
    name: 'HubSpot tasks',
    signature: ['tasktitle', 'taskstatus'],
    columns: {
      tasktitle: 'title',
      associatedcontact: 'client',
      associatedcompany: 'company',
      duedate: 'promisedBy',
      taskstatus: 'status',
      completedat: 'completedAt',
      notes: 'notes',
      tasknotes: 'notes',
    },
  },
  {
    name: 'Salesforce tasks',
    signature: ['subject', 'companyaccount'],
    columns: {
      subject: 'title',
      name: 'client',
      contact: 'client',
      companyaccount: 'company',
      duedate: 'promisedBy',
      date: 'promisedBy',
      status: 'status',
      email: 'email',
      phone: 'phone',
      comments: 'notes',
      fullcomments: 'notes',
    },
  },
  {
    name: 'Zoho CRM tasks',
    signature: ['taskowner', 'subject'],
    columns: {
      subject: 'title',
      contactname: 'client',
      relatedto: 'company',
      accountname: 'company',
      duedate: 'promisedBy',
      status: 'status',
      closedtime: 'completedAt',
      description: 'notes',
    },
  },
  {
    name: 'Close tasks',
    signature: ['leadname', 'iscomplete'],
    columns: {
      text: 'title',
      contactname: 'client',
      leadname: 'company',
      date: 'promisedBy',
      duedate: 'promisedBy',
      iscomplete: 'status',
      datecompleted: 'completedAt',
      note: 'notes',
    },
  },
]

/** What any other spreadsheet may call each field, most likely first. */
const SYNONYMS: Record<CsvField, string[]> = {
  title: ['title', 'task', 'followup', 'subject', 'tasktitle', 'promise', 'action', 'what'],
  client: ['client', 'clientname', 'contact', 'contactname', 'contactperson', 'customer', 'name', 'person', 'who'],
  company: ['company', 'organization', 'organisation', 'account', 'accountname', 'org', 'companyname'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'cell'],
  email: ['email', 'emailaddress', 'mail'],
  promisedBy: ['promisedby', 'promised', 'due', 'duedate', 'dueat', 'deadline', 'date', 'by'],
  promisedTime: ['duetime', 'time', 'promisedtime'],
  myTarget: ['mytarget', 'target', 'targetdate', 'targetat'],
  value: ['value', 'amount', 'dealvalue', 'price'],
  currency: ['currency', 'cur', 'ccy', 'dealcurrency'],
  status: ['done', 'status', 'completed', 'iscomplete', 'state'],
  completedAt: ['completedat', 'completeddate', 'completedon', 'datecompleted', 'markedasdonetime', 'closedtime'],
  notes: ['notes', 'note', 'comments', 'comment', 'description', 'details'],
}

/** The CRM whose export these headers are, if any. */
export function recogniseExport(headers: string[]): string | undefined {
  const present = new Set(headers.map(normaliseHeader))
  return CRM_EXPORTS.find((crm) => crm.signature.every((header) => present.has(header)))?.name
}

export function guessMapping(headers: string[]): CsvMapping {
  const normalised = headers.map(normaliseHeader)
  const mapping: CsvMapping = {}
  const taken = new Set<number>()
  const take = (field: CsvField, index: number) => {
    if (index < 0 || taken.has(index) || mapping[field] !== undefined) return
    mapping[field] = index
    taken.add(index)
  }
  const crm = CRM_EXPORTS.find((c) => c.signature.every((header) => normalised.includes(header)))
  if (crm) normalised.forEach((header, index) => crm.columns[header] && take(crm.columns[header], index))
  for (const field of CSV_FIELDS) {
    for (const synonym of SYNONYMS[field]) take(field, normalised.findIndex((header, i) => !taken.has(i) && header === synonym))
  }
  return mapping
}
