package vn.warddesk.nlu;

/** Kinds of entity the rule-based {@link EntityExtractor} finds. */
public enum EntityType { PHONE, CITIZEN_ID, DATE, TIME, CASE_CODE, EMAIL }
