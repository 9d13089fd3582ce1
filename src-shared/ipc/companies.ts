import { z } from 'zod';
import {
  CompanyDraftSchema,
  CompanyListQuerySchema,
  CompanyPatchSchema,
  CompanyRollupSchema,
  CompanySchema,
  companyMergeFields,
  LinkSuggestionSchema,
  MembershipSchema,
} from '../domain/company';
import { ContactSchema } from '../domain/contact';
import { channel, Id } from './channel';

const UndoId = z.string().uuid();

export const companiesChannels = {
  'companies.list': channel({
    summary: 'A page of companies by name, searched by name or domain, with the number of their people.',
    input: CompanyListQuerySchema,
    output: z.object({ total: z.number().int(), items: z.array(CompanySchema) }),
  }),
  'companies.get': channel({ summary: 'One company.', input: z.object({ id: Id }), output: CompanySchema }),
  'companies.rollup': channel({
    summary: "The company page: its people, and their timeline, deals, jobs, files and revenue as one.",
    input: z.object({ id: Id }),
    output: CompanyRollupSchema,
  }),
  'companies.create': channel({ summary: 'Create a company.', input: CompanyDraftSchema, output: CompanySchema }),
  'companies.update': channel({
    summary: "Change some fields of a company (a new name is written on its people's company too).",
    input: z.object({ id: Id, patch: CompanyPatchSchema }),
    output: CompanySchema,
  }),
  'companies.delete': channel({ summary: 'Delete a company (restore is its undo); its people stay.', input: z.object({ id: Id }), output: z.object({ id: z.string() }) }),
  'companies.restore': channel({ summary: 'Bring a deleted company back.', input: z.object({ id: Id }), output: CompanySchema }),
  'companies.setMembership': channel({
    summary: 'Put a person in a company (or none), with job title, decision maker and primary contact; the move stays on their timeline.',
    input: MembershipSchema,
    output: ContactSchema,
  }),
  'companies.linkSuggestions': channel({
    summary: 'Contacts not linked to a company, grouped by the firm their company field or e-mail domain names.',
    input: z.object({}).default({}),
    output: z.array(LinkSuggestionSchema),
  }),
  'companies.link': channel({
    summary: 'Link the chosen contacts of the chosen suggestion groups to their companies (made when missing), in one step that can be undone.',
    input: z.object({ groups: z.array(z.object({ key: z.string().max(300), contactIds: z.array(Id).max(10_000) })).min(1).max(5000) }),
    output: z.object({ companies: z.number().int(), contacts: z.number().int(), undoId: UndoId }),
  }),
  'companies.undoLink': channel({ summary: 'Take a link step back.', input: z.object({ undoId: UndoId }), output: z.object({ contacts: z.number().int() }) }),
  'companies.merge': channel({
    summary: 'Merge one company into another: the fields chosen from the other, its people moved; undoable.',
    input: z.object({ survivorId: Id, otherId: Id, fromOther: z.array(z.enum(companyMergeFields)).max(companyMergeFields.length).default([]) }),
    output: z.object({ survivor: CompanySchema, undoId: UndoId }),
  }),
  'companies.unmerge': channel({
    summary: 'Undo a company merge.',
    input: z.object({ undoId: UndoId }),
    output: z.object({ survivor: CompanySchema, restored: CompanySchema }),
  }),
};
