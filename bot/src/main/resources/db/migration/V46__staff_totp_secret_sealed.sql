-- Second-factor secrets are stored encrypted when WARDDESK_SECRET_KEYS is set ("gcm:<key id>:<base64 of nonce,
-- ciphertext, tag>", issue 14): longer than the 32-character Base32 secret they hold.
ALTER TABLE staff_account MODIFY totp_secret VARCHAR(200) NULL;
