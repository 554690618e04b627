import { type IconProps, Svg } from '../../components/Icons';

export const IconInbox = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 13.5 6.5 5h11l2.5 8.5V19H4z" />
    <path d="M4 13.5h4.5l1 2h5l1-2H20" />
  </Svg>
);
export const IconChart = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 4v16h16" />
    <path d="m7.5 14 3.5-4 3 2.5L19 7" />
  </Svg>
);
export const IconChecklist = (p: IconProps) => (
  <Svg {...p}>
    <path d="m4 6.5 1.5 1.5L8 5.5M4 12.5 5.5 14 8 11.5M4 18.5 5.5 20 8 17.5" />
    <path d="M11 7h9M11 13h9M11 19h9" />
  </Svg>
);
export const IconLayers = (p: IconProps) => (
  <Svg {...p}>
    <path d="m12 4 8.5 4.5L12 13 3.5 8.5z" />
    <path d="m3.5 12.5 8.5 4.5 8.5-4.5M3.5 16.5 12 21l8.5-4.5" />
  </Svg>
);
export const IconSliders = (p: IconProps) => (
  <Svg {...p}>
    <path d="M5 4v16M12 4v16M19 4v16" />
    <circle cx="5" cy="15" r="2" />
    <circle cx="12" cy="8" r="2" />
    <circle cx="19" cy="13" r="2" />
  </Svg>
);
