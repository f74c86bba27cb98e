/**
 * The staff portal's frame: sign-in and sign-out, the signed-in person's language and screens, and
 * the helpers every feature's Faces screens share (messages, formats). Each feature's screens live
 * in that feature's {@code boundary} package and call its boundary EJBs, as the API does.
 */
package app.custodian.portal;
