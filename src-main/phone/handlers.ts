import type { Handlers } from '../../src-shared/ipc/contract';
import type { CallsService } from '../calls/service';
import type { PhoneService } from './service';
import type { RelayPhone } from './relay-phone';
import type { TextsService } from './texts';

export function phoneHandlers(phone: PhoneService, relay: RelayPhone, texts: TextsService, calls: CallsService) {
  return {
    'phone.settings': () => phone.settings(),
    'phone.saveSettings': (input) => phone.saveSettings(input),
    'phone.test': () => relay.test(),
    'phone.configureNumbers': () => relay.configureNumbers(),
    'phone.importHistory': ({ since }) => relay.importHistory(since),
    'phone.call': (input) => phone.call(input),
    'phone.callState': ({ callId }) => phone.callState(callId),
    'phone.callDetail': ({ callId }) => calls.get(callId),
    'phone.recording': ({ callId }) => phone.recording(callId),
    'phone.lastScreenPop': () => phone.lastScreenPop(),
    'texts.conversations': ({ limit }) => texts.conversations(limit),
    'texts.thread': (input) => texts.thread(input),
    'texts.send': (input) => texts.send(input),
    'texts.templates': () => texts.templates(),
    'texts.saveTemplates': ({ templates }) => texts.saveTemplates(templates),
    'texts.fill': ({ templateId, contactId }) => ({ body: texts.fill(templateId, contactId) }),
  } satisfies Pick<Handlers, Extract<keyof Handlers, `phone.${string}` | `texts.${string}`>>;
}
