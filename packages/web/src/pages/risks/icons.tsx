/** The risk register's navigation icon (same drawing conventions as components/Icons.tsx). */
export const IconRisk = ({ className }: { className?: string }) => (
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
    <path d="M12 3.5 2.8 19.5h18.4z" />
    <path d="M12 9.5v4.5M12 17h.01" />
  </svg>
);
