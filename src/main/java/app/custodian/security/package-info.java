/**
 * Staff accounts and roles (HTTP Basic through Jakarta Security, PBKDF2 hashes, login back-off),
 * and the keys that protect personal data: AES-256-GCM field encryption and HMAC blind indexes; the
 * portal's sign-in and the signed-in person's session (language, screens by role).
 */
package app.custodian.security;
