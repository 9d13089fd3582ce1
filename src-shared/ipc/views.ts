import { z } from 'zod';
import { SavedViewDraftSchema, SavedViewSchema, ViewNameSchema, viewListIds } from '../domain/saved-view';
import { channel, Id } from './channel';

export const viewsChannels = {
  'views.list': channel({
    summary: 'The saved views of one list this member sees: the team’s shared ones and their own personal ones, by name.',
    input: z.object({ listId: z.enum(viewListIds) }),
    output: z.array(SavedViewSchema),
  }),
  'views.save': channel({
    summary: 'Save a list’s filters, sort and columns as a new view, or into a view of the same list (its name, state and sharing).',
    input: SavedViewDraftSchema,
    output: SavedViewSchema,
  }),
  'views.rename': channel({
    summary: 'Give a saved view a new name.',
    input: z.object({ id: Id, name: ViewNameSchema }),
    output: SavedViewSchema,
  }),
  'views.delete': channel({
    summary: 'Delete a saved view (it can be restored, which is how undo works).',
    input: z.object({ id: Id }),
    output: z.object({ id: z.string() }),
  }),
  'views.restore': channel({
    summary: 'Bring a deleted view back.',
    input: z.object({ id: Id }),
    output: SavedViewSchema,
  }),
};
