import type { FormDefinition, FormRecord, PublishedForm } from '@kesu/schema';
import { api } from './client';

export const listForms = () => api<FormRecord[]>('/forms');
export const getForm = (id: string) => api<FormRecord>(`/forms/${id}`);
export const saveFormDraft = (id: string, definition: FormDefinition) =>
  api<FormRecord>(`/forms/${id}`, { method: 'PUT', body: { definition } });
export const publishForm = (id: string) => api<PublishedForm>(`/forms/${id}/publish`, { method: 'POST' });
export const getFormVersion = (id: string, version: number) => api<FormDefinition>(`/forms/${id}/versions/${version}`);
