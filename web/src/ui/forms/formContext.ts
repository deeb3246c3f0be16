import type { FormLanguage, FormProblem, Question } from '@oselia/contracts';
import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';

/** A file the renderer knows the name and size of (uploaded in this session, or described by the page). */
export interface FileInfo {
  name: string;
  size: number;
}

export interface FormContextValue {
  language: FormLanguage;
  /** The renderer's own words, in the form's language. */
  t: TFunction;
  problems: Map<string, FormProblem[]>;
  idPrefix: string;
  disabled: boolean;
  onUpload: ((file: File, question: Question) => Promise<string>) | undefined;
  describeFile: (id: string) => FileInfo | undefined;
  rememberFile: (id: string, info: FileInfo) => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error('form fields must be inside a FormRenderer');
  return value;
}

/** The DOM id of the field for an answer path (`members.0.name` → `<prefix>-members-0-name`). */
export const fieldId = (prefix: string, path: string) => `${prefix}-${path.replace(/\./g, '-')}`;
