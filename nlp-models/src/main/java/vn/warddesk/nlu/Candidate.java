package vn.warddesk.nlu;

/** One intent and its probability. */
public record Candidate(String intent, double probability) {
}
