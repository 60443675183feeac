package org.mitra.awareness.pledge;

/**
 * The six criteria of the tourism industry's child-protection code a business commits to; a
 * business pledge is a checklist of them, updated over time.
 */
public enum Criterion {
    /** A policy and procedures against sexual exploitation of children. */
    POLICY_AND_PROCEDURES,
    /** Staff trained in children's rights, prevention and reporting of suspected cases. */
    STAFF_TRAINING_AND_REPORTING,
    /** A clause in contracts along the value chain stating a common repudiation and zero tolerance. */
    SUPPLIER_CONTRACT_CLAUSE,
    /** Information for travellers on children's rights and how to report suspected cases. */
    TRAVELLER_INFORMATION,
    /** Support, collaboration and engagement of local stakeholders. */
    LOCAL_STAKEHOLDERS,
    /** A yearly report on the implementation of the criteria. */
    YEARLY_REPORTING
}
