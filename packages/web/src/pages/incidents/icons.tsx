/** Same drawing conventions as components/Icons.tsx (24 × 24, stroked, hidden from assistive technology). */
export const IconSiren = ({ className }: { className?: string }) => (
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
    <path d="M7 18v-6a5 5 0 0 1 10 0v6" />
    <path d="M5 18h14v3H5z" />
    <path d="M12 3V2M4.2 5.2l-.7-.7M19.8 5.2l.7-.7M2 11H1M23 11h-1" />
  </svg>
);
