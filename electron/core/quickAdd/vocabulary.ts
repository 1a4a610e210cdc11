import type { DateDialect } from './locale'

export const WEEKDAYS: Record<DateDialect, readonly string[]> = {
  'en-US': ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  'en-GB': ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  de: ['sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag'],
}

export const MONTHS: Record<DateDialect, readonly string[]> = {
  'en-US': ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  'en-GB': ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  de: ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
}

/** Verbs whose object is the person: "call Jenny", "meet Priya". */
export const PERSON_VERBS = new Set([
  'call', 'phone', 'ring', 'text', 'email', 'e-mail', 'mail', 'message', 'msg', 'ping', 'meet', 'visit', 'thank', 'remind',
  'update', 'invite', 'contact', 'brief', 'see',
])

/** Words after which the recipient follows: "to Acme", "with Dana", German "an Herrn Weber". */
export const RECIPIENT_PREPOSITIONS = new Set(['to', 'with', 'for', 'cc', 'an', 'für', 'mit', 'bei'])

/** German verbs that close a sentence naming the person first: "Klaus Weber anrufen". */
export const GERMAN_PERSON_VERBS = new Set(['anrufen', 'telefonieren', 'kontaktieren', 'treffen', 'besuchen', 'zurückrufen', 'schreiben', 'mailen', 'erinnern'])

/** Words that join a name to its company: "Steve at Globex", "Gavin from Hooli", "Steve @ Globex". */
export const COMPANY_LINKS = new Set(['at', 'from', '@'])

/** Never part of a name, in any case. */
export const CONNECTORS = new Set([
  're', 'about', 'regarding', 'at', 'from', 'by', 'on', 'to', 'for', 'with', 'without', 'and', 'or', 'the', 'a', 'an', 'of', 'in',
  'is', 'please', 'pls', 'asap', 'urgent', 'after', 'before', 'until', 'due', 'via', 'per', 'x', 'ext', 'me', 'him', 'her', 'them',
  'us', 'it', 'this', 'that', 'these', 'those', 'my', 'our', 'your', 'his', 'their', 'some', 'someone', 'back', 'up', 'out', 'over',
  'again', 'all', 'everyone', 'next', 'last', 'week', 'month', 'day', 'today', 'tomorrow', 'tonight', 'morning', 'afternoon',
  'evening', 'noon', 'eod', 'cob', 'eow', 'eom', 'end', 'close', 'soon', 'later',
  'an', 'für', 'mit', 'bei', 'von', 'bis', 'am', 'um', 'zum', 'zur', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine',
  'einen', 'und', 'oder', 'wegen', 'über', 'uhr', 'heute', 'morgen', 'übermorgen', 'früh', 'nachmittag', 'vormittag',
])

/** Things people send or do; part of a name only when written with a capital in a mixed-case line. */
export const COMMON_WORDS = new Set([
  'call', 'email', 'mail', 'meeting', 'deck', 'proposal', 'quote', 'contract', 'samples', 'sample', 'invoice', 'pricing', 'price',
  'prices', 'recap', 'report', 'slides', 'brochure', 'nda', 'renewal', 'update', 'info', 'details', 'summary', 'agreement', 'docs',
  'documents', 'thing', 'things', 'stuff', 'demo', 'follow', 'check', 'catch', 'touch', 'base', 'send', 'share', 'chase', 'lunch',
  'kickoff', 'po', 'status', 'referral', 'grant', 'campaign', 'deal', 'order', 'offer', 'terms', 'sow', 'msa', 'rfp', 'draft',
  'notes', 'number', 'numbers', 'team', 'reminder', 'remember', 'finish', 'post', 'review', 'feedback', 'intro', 'presentation',
  'angebot', 'vertrag', 'rechnung', 'unterlagen', 'präsentation', 'muster', 'termin', 'rückruf', 'anruf', 'schicken', 'senden',
])

/** A name ending in one of these is an organisation: "Pied Piper Inc", "Siemens AG". */
export const COMPANY_SUFFIXES = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'llc', 'ltd', 'ltd.', 'limited', 'gmbh', 'ag', 'se', 'kg', 'plc',
  'enterprises', 'industries', 'group', 'partners', 'labs', 'systems', 'solutions', 'technologies', 'holdings',
])

/** Lower-case words inside a name: "Ludwig van Beethoven", "Ana de Armas". */
export const NAME_PARTICLES = new Set(['van', 'von', 'de', 'da', 'del', 'der', 'di', 'la', 'le', 'du', 'dos', 'bin', 'al'])
