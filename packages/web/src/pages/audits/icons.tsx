import { type IconProps, Svg } from '../../components/Icons';

/** A clipboard with a tick: audits. */
export const IconAudit = (p: IconProps) => (
  <Svg {...p}>
    <path d="M9 4.5H7A1.5 1.5 0 0 0 5.5 6v13A1.5 1.5 0 0 0 7 20.5h10a1.5 1.5 0 0 0 1.5-1.5V6A1.5 1.5 0 0 0 17 4.5h-2" />
    <rect x="9" y="3" width="6" height="3" rx="1" />
    <path d="m9 13 2 2 4-4" />
  </Svg>
);
