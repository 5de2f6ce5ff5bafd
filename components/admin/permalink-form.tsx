"use client";

import { type ComponentProps, useActionState } from "react";

/**
 * A form posted to a server action, with or without JavaScript. Why useActionState: given the
 * page's address as its permalink, React writes it as the form's action instead of action="",
 * which is not valid HTML; without JavaScript the form posts there and the action runs as before.
 */
export function PermalinkForm({
  action,
  permalink,
  ...props
}: Omit<ComponentProps<"form">, "action"> & {
  action: (previous: void, form: FormData) => Promise<void>;
  /** The address of the page the form is on. */
  permalink: string;
}) {
  const [, post] = useActionState(action, undefined, permalink);
  return <form {...props} action={post} />;
}
