/**
 * The disclosure log: which kinds of a person's data went to whom, on which legal basis. Sharing on
 * consent needs a granted THIRD_PARTY_SHARING; entries are audited and in the person's export.
 */
package app.custodian.disclosure;
