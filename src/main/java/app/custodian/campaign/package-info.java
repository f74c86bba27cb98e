/**
 * Campaigns: newsletter (and survey) campaigns, the {@code newsletter-send} job that mails every
 * customer whose consent is granted at the moment their message goes out, the delivery records that
 * make each message go exactly once, and the rolling 24-hour advertising cap (Decree 91/2020).
 */
package app.custodian.campaign;
