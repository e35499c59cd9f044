package nrw.komman.kernel.volunteer;

/**
 * Personal data as events store it: AES-GCM ciphertext under the volunteer's own key, which lives
 * in a key store apart from the events. Destroying the key erases the data in every event at once
 * (crypto-shredding), while the events themselves stay unchanged.
 *
 * @param ciphertext Base64 of nonce and ciphertext
 */
public record SealedPersonalData(String ciphertext) {
}
