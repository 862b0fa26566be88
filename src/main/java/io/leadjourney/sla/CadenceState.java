package io.leadjourney.sla;

/**
 * Where the contact cadence contract stands after an attempt.
 *
 * @param contractUsedUp every call and e-mail of the contract has been made without reaching the lead
 */
public record CadenceState(int callsMade, int emailsMade, int callsLeft, int emailsLeft, boolean reached,
                           boolean contractUsedUp) {

    /** For the contact-attempt form: "2 call(s) and 3 e-mail(s) left". */
    public String summary() {
        return callsLeft + " call(s) and " + emailsLeft + " e-mail(s) left";
    }
}
