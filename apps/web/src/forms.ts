import { ApiError, ApiProblem } from './api.js';
import { announce, Child, h } from './dom.js';
import { t } from './strings.js';

export interface FieldSpec {
  /** The input's name, and the last part of the API's `extensions.field` that it answers (`input.email` -> `email`). */
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'textarea' | 'select' | 'datetime-local' | 'date' | 'number' | 'file';
  options?: { value: string; label: string }[];
  required?: boolean;
  autocomplete?: string;
  inputmode?: string;
  hint?: string;
  value?: string;
  /** For file inputs: what kinds of file to offer. */
  accept?: string;
}

export interface FormOptions {
  fields: FieldSpec[];
  submit: string;
  onSubmit(values: Record<string, string>, form: HTMLFormElement): Promise<void>;
  /** Shows a problem its own way (e.g. a table) and returns true; otherwise it goes under its field. */
  onProblem?(problem: ApiProblem): boolean;
  extra?: Child;
}

let formCount = 0;

/**
 * A form whose API errors appear next to the field they name (`extensions.field`), announced and linked to the
 * input with aria-describedby; errors naming no field on the form appear at its top.
 */
export function apiForm(options: FormOptions): HTMLFormElement {
  const id = `f${++formCount}`;
  const formError = h('p', { class: 'form-error', role: 'alert', id: `${id}-error` });
  const errors = new Map<string, HTMLElement>();
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const submit = h('button', { type: 'submit' }, options.submit);

  const fields = options.fields.map((field) => {
    const inputId = `${id}-${field.name}`;
    const errorId = `${inputId}-error`;
    const hintId = field.hint ? `${inputId}-hint` : null;
    const common = {
      id: inputId,
      name: field.name,
      required: field.required ?? false,
      autocomplete: field.autocomplete,
      inputmode: field.inputmode,
      'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    };
    let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (field.type === 'textarea') input = h('textarea', common, field.value ?? '');
    else if (field.type === 'select') {
      input = h('select', common, ...(field.options ?? []).map((option) => h('option', { value: option.value }, option.label)));
      if (field.value) input.value = field.value;
    } else input = h('input', { ...common, type: field.type ?? 'text', value: field.value, accept: field.accept });
    inputs.set(field.name, input);
    const error = h('p', { class: 'field-error', id: errorId });
    errors.set(field.name, error);
    return h(
      'div',
      { class: 'field' },
      h('label', { for: inputId }, field.label),
      hintId && h('p', { class: 'hint', id: hintId }, field.hint),
      input,
      error,
    );
  });

  const clear = () => {
    formError.textContent = '';
    for (const [name, error] of errors) {
      error.textContent = '';
      inputs.get(name)?.removeAttribute('aria-invalid');
    }
  };

  const form = h(
    'form',
    { novalidate: true, 'aria-describedby': `${id}-error` },
    formError,
    ...fields,
    options.extra,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    const values: Record<string, string> = {};
    for (const [name, input] of inputs) values[name] = input instanceof HTMLInputElement && input.type === 'file' ? '' : input.value;
    submit.disabled = true;
    try {
      await options.onSubmit(values, form);
    } catch (error) {
      showProblems(error, { errors, inputs, formError, onProblem: options.onProblem });
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function showProblems(
  error: unknown,
  target: {
    errors: Map<string, HTMLElement>;
    inputs: Map<string, HTMLElement>;
    formError: HTMLElement;
    onProblem?: (problem: ApiProblem) => boolean;
  },
): void {
  const problems: ApiProblem[] = error instanceof ApiError ? error.problems : [{ message: t('error.unexpected'), code: 'CLIENT' }];
  let firstInvalid: HTMLElement | null = null;
  const general: string[] = [];
  for (const problem of problems) {
    const name = problem.field?.split('.').pop();
    if (name && target.errors.has(name)) {
      const slot = target.errors.get(name)!;
      slot.textContent = slot.textContent ? `${slot.textContent} ${problem.message}` : problem.message;
      const input = target.inputs.get(name)!;
      input.setAttribute('aria-invalid', 'true');
      firstInvalid ??= input;
    }
    if (target.onProblem?.(problem)) continue;
    if (!(name && target.errors.has(name))) general.push(problem.message);
  }
  target.formError.textContent = general.join(' ');
  announce(problems.map((problem) => problem.message).join(' '));
  (firstInvalid ?? target.formError).focus?.();
}

/** A button that runs an API call and shows its error beside itself. */
export function actionButton(label: string, run: () => Promise<void>, secondary = false): HTMLElement {
  const error = h('span', { class: 'form-error', role: 'alert' });
  const button = h('button', { type: 'button', class: secondary ? 'secondary' : null }, label);
  button.addEventListener('click', async () => {
    error.textContent = '';
    button.disabled = true;
    try {
      await run();
    } catch (caught) {
      error.textContent = caught instanceof ApiError ? caught.message : t('error.unexpected');
    } finally {
      button.disabled = false;
    }
  });
  return h('span', { class: 'action' }, button, ' ', error);
}
