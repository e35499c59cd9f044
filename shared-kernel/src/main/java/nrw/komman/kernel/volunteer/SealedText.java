package nrw.komman.kernel.volunteer;

/**
 * A free text about a volunteer (e.g. an activity note) that may hold personal data, sealed under
 * the volunteer's key like {@link SealedPersonalData}.
 *
 * @param ciphertext Base64 of nonce and ciphertext
 */
public record SealedText(String ciphertext) {
}
