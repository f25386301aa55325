import type { Ref } from 'react';
import type { HitDescription } from './describeHit';

interface HoverCardProps {
  readonly id: string;
  readonly description: HitDescription;
  /** The view places the card next to the pointer through this element, without re-rendering. */
  readonly cardRef: Ref<HTMLDivElement>;
}

/** The full detail of the segment or mark under the pointer. */
export function HoverCard({ id, description, cardRef }: HoverCardProps) {
  return (
    <div id={id} ref={cardRef} role="tooltip" className="timeline-hover-card">
      <p className="timeline-hover-title">{description.title}</p>
      <dl>
        {description.details.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Puts the card beside the pointer, flipped to stay inside its container. */
export function placeCard(
  card: HTMLElement,
  container: HTMLElement,
  clientX: number,
  clientY: number,
): void {
  const box = container.getBoundingClientRect();
  const gap = 14;
  let left = clientX - box.left + gap;
  let top = clientY - box.top + gap;
  if (left + card.offsetWidth > box.width)
    left = Math.max(0, clientX - box.left - gap - card.offsetWidth);
  if (top + card.offsetHeight > box.height)
    top = Math.max(0, clientY - box.top - gap - card.offsetHeight);
  card.style.left = `${left}px`;
  card.style.top = `${top}px`;
}
