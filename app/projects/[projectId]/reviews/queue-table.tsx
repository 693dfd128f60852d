'use client';
import { ReviewStatusBadge } from './review-status';
import { edgeKey, VERDICT_LABELS, type ReviewQueueItem } from './types';

interface Props {
  items: ReviewQueueItem[];
  currentKey: string | null;
  selected: ReadonlySet<string>;
  showGold: boolean;
  onOpen(item: ReviewQueueItem): void;
  onToggle(item: ReviewQueueItem): void;
}

export function QueueTable({ items, currentKey, selected, showGold, onOpen, onToggle }: Props) {
  const showConfidence = items.some((i) => i.confidence !== null);
  return (
    <div className="table-wrap">
      <table className="table queue-table" aria-label="Edges to review">
        <thead>
          <tr>
            <th scope="col" className="check">
              <span className="sr-only">Selected</span>
            </th>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col">Edge</th>
            <th scope="col" className="num">
              Effect
            </th>
            {showConfidence ? (
              <th scope="col" className="num">
                Confidence
              </th>
            ) : null}
            <th scope="col">Prior</th>
            {showGold ? <th scope="col">Gold</th> : null}
            <th scope="col">Status</th>
            <th scope="col">Mine</th>
            <th scope="col" className="num" title="verdicts · comments">
              V · C
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const key = edgeKey(item);
            const name = `${item.regulator} → ${item.target}`;
            return (
              <tr
                key={key}
                className={key === currentKey ? 'current' : undefined}
                aria-current={key === currentKey ? 'true' : undefined}
                onClick={() => onOpen(item)}
              >
                {/* biome-ignore lint/a11y/useKeyWithClickEvents: it only keeps a click on the checkbox from opening the row; the checkbox takes the keyboard */}
                <td className="check" onClick={(e) => e.stopPropagation()}>
                  <input type="checkbox" aria-label={`Select ${name}`} checked={selected.has(key)} onChange={() => onToggle(item)} />
                </td>
                <td className="num">{item.rank}</td>
                <td className="mono">
                  <button type="button" className="linklike" onClick={() => onOpen(item)}>
                    {name}
                  </button>
                </td>
                {/* The signed number says the sign in text; the colour only repeats it. */}
                <td className={`num ${item.effect < 0 ? 'effect-repress' : 'effect-activate'}`}>{item.effect.toExponential(2).replace(/^-/, '−')}</td>
                {showConfidence ? <td className="num">{item.confidence === null ? '—' : `${Math.round(item.confidence * 100)}%`}</td> : null}
                <td className="small">{item.inPrior ? 'in prior' : 'novel'}</td>
                {showGold ? <td className="small">{item.inGold ? 'in gold' : 'not in gold'}</td> : null}
                <td>
                  <ReviewStatusBadge status={item.status} />
                </td>
                <td className="small">{item.myVerdict ? VERDICT_LABELS[item.myVerdict] : '—'}</td>
                <td className="num small">
                  {item.verdictCount} · {item.commentCount}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
