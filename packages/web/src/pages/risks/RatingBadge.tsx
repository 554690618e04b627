import { bandStep } from '../../api/risks';

interface Props {
  bands: readonly { key: string }[];
  rating: string;
  label: string;
  score?: number;
}

/** A rating in its band's colour (green … red by position among the matrix's bands), with the score. */
export function RatingBadge({ bands, rating, label, score }: Props) {
  return (
    <span className={`risk-rating risk-step--${bandStep(bands, rating)}`}>
      {label}
      {score !== undefined && <span className="risk-rating__score">{score}</span>}
    </span>
  );
}
