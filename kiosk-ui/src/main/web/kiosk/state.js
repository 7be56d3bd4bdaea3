// The one citizen session held by the kiosk; resetState() forgets it all (idle reset, Finish).

export function freshState() {
  return {
    conversation: null, // {id, token}: not personal, but tied to this citizen's session
    convState: null,
    procedureId: null, // procedure of the request in progress
    procedure: null, // detail of the procedure on screen (catalog content, not personal)
    office: null,
    chatEntries: [], // the Ask screen's transcript; dropped when that screen is left
    askContext: null,
    staffSeq: 0,
    caseDigits: '',
    lastAction: null,
    lastResponse: null, // the engine's last reply on the request screen (may hold the summary)
    knownCase: null, // case code of this conversation, once the engine has opened one
    typed: null, // {field, value}: the last value typed for a request field, kept only to show it again if refused
    caseCheck: null, // the 4-digit check of the case just opened: on the slip, with the QR of the case page
    chosenDay: null, // the appointment day tapped during the request, shown on the slip
    largeText: false,
    busy: false,
  };
}

export const state = freshState();

/** Forgets everything of the current citizen: the same object, fresh contents. */
export function resetState() {
  Object.keys(state).forEach((key) => delete state[key]);
  Object.assign(state, freshState());
}
