/** Email through Amazon SES (SendEmail), with the pool's EmailConfiguration. */
package dev.userpool.delivery.ses;
