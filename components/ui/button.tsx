import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "quiet";

const styles: Record<Variant, string> = {
  primary: "rounded-md px-4 py-2 bg-accent text-white hover:bg-accent-strong disabled:bg-stone-400",
  secondary: "rounded-md px-4 py-2 border border-stone-400 bg-white text-ink hover:bg-stone-100 disabled:text-stone-400",
  quiet: "px-0 py-2 text-accent underline underline-offset-4 hover:text-accent-strong",
};

export function Button({ variant = "primary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex min-h-11 items-center justify-center font-medium transition-colors disabled:cursor-not-allowed ${styles[variant]} ${className}`}
    />
  );
}
