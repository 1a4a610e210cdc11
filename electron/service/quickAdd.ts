import type { Handlers } from '../contract'
import { acceptQuickAdd, knownClients, parseDateText, parseQuickAdd, suggestClients, type KnownClient, type QuickAddContext } from '../core/quickAdd'
import type { FollowUpDraft } from '../core/inputs'
import type { Data, FollowUp } from '../core/schema'

/** What the quick add handlers need from the service. */
export interface QuickAddServiceContext {
  data(): Data
  now(): Date
  /** The service's own create: may resolve only once the change is on disk. */
  create(draft: FollowUpDraft): FollowUp | Promise<FollowUp>
}

type QuickAddHandlers = Pick<Handlers, 'parseQuickAdd' | 'quickAdd' | 'parseDate' | 'suggestClients'>

/** Known clients are gathered once per data version: a keystroke must not rescan every follow-up. */
const clientsByData = new WeakMap<Data, KnownClient[]>()

function clientsOf(data: Data): KnownClient[] {
  let clients = clientsByData.get(data)
  if (!clients) clientsByData.set(data, (clients = knownClients(data)))
  return clients
}

/** Quick add's context: the clients in the data, the person's settings, and the locale the caller runs in. */
function contextOf(data: Data, locale: string | undefined): QuickAddContext {
  return { clients: clientsOf(data), settings: data.settings, locale }
}

export function quickAddHandlers(ctx: QuickAddServiceContext): QuickAddHandlers {
  return {
    parseQuickAdd: ({ text, locale }) => parseQuickAdd(text, ctx.now(), contextOf(ctx.data(), locale)),
    quickAdd: ({ text, locale, choice, confirmed }) => ctx.create(acceptQuickAdd(parseQuickAdd(text, ctx.now(), contextOf(ctx.data(), locale)), { choice, confirmed })),
    parseDate: ({ text, locale }) => parseDateText(text, ctx.now(), contextOf(ctx.data(), locale)),
    suggestClients: ({ prefix, limit }) => ({ clients: suggestClients(clientsOf(ctx.data()), prefix, limit) }),
  }
}
