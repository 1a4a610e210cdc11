import type { ReactNode } from 'react'
import { Modal } from './Modal'

/** A dialog that is one form: Enter or the submit button runs `onSubmit`, the page never navigates. */
export function FormModal({
  title,
  onClose,
  onSubmit,
  noValidate,
  children,
}: {
  title: string
  onClose(): void
  onSubmit(): void | Promise<void>
  /** Let the service's messages, not the browser's, explain invalid fields. */
  noValidate?: boolean
  children: ReactNode
}) {
  return (
    <Modal title={title} onClose={onClose}>
      <form
        className="form"
        noValidate={noValidate}
        onSubmit={(event) => {
          event.preventDefault()
          void onSubmit()
        }}
      >
        {children}
      </form>
    </Modal>
  )
}
