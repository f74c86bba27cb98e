/**
 * The staff portal's frame, on top of every feature: the home page and the portal's response
 * headers. Sign-in and the signed-in person's language and screens are {@code security}'s ({@code
 * security.boundary.web}); the helpers every feature's Faces screens share (messages, formats, the
 * lazy table model, JSON downloads, records in page expressions) are {@code platform}'s ({@code
 * platform.boundary.web}). Each feature's screens live in that feature's {@code boundary.web} and
 * call its boundary EJBs, as the API does.
 */
package app.custodian.portal;
