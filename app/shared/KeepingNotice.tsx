import type { KeepingState } from './textKeeper';

/** What to tell the learner when their text is not being kept, for each reason. */
export type NotKeptMessages = Readonly<Record<Exclude<KeepingState, 'kept'>, string>>;

interface KeepingNoticeProps {
  readonly keeping: KeepingState;
  /** The note's accessible name: which text it is about. */
  readonly label: string;
  readonly messages: NotKeptMessages;
  /** The id of the message, for a text box it describes (`aria-describedby`). */
  readonly id?: string;
}

/** Says when a text the learner typed is not being kept; nothing while it is. */
export function KeepingNotice({ keeping, label, messages, id }: KeepingNoticeProps) {
  if (keeping === 'kept') return null;
  return (
    <p role="note" aria-label={label} className="keeping-notice">
      {/* The message alone has the id: a description taken from the note would be its label. */}
      <span id={id}>{messages[keeping]}</span>
    </p>
  );
}
