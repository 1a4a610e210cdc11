import { CHANNEL_NAMES } from '../features/board/format'

/** The <option>s of a channel <select>, in one order everywhere. */
export function ChannelOptions() {
  return (
    <>
      {Object.entries(CHANNEL_NAMES).map(([value, name]) => (
        <option key={value} value={value}>
          {name}
        </option>
      ))}
    </>
  )
}
