/** Same drawing conventions as components/Icons.tsx (24 × 24, stroked, hidden from assistive technology). */
export const IconReport = ({ className }: { className?: string }) => (
  <svg
    className={`icon${className ? ` ${className}` : ''}`}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
    <path d="M14 3v6h6" />
    <path d="M8 17v-3M12 17v-5M16 17v-2" />
  </svg>
);
