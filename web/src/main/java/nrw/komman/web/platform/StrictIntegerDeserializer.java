package nrw.komman.web.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Reads an {@link Integer} only from a JSON integer (or a string of digits): Jackson would otherwise
 * truncate {@code 90.7} minutes to 90 without a word.
 */
public class StrictIntegerDeserializer extends JsonDeserializer<Integer> {

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            BigInteger value = p.getBigIntegerValue();
            if (value.bitLength() < 32) {
                return value.intValue();
            }
            return (Integer) ctxt.handleWeirdNumberValue(Integer.class, value, "out of range");
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText().strip();
            if (text.matches("[+-]?\\d{1,9}")) {
                return Integer.valueOf(text);
            }
            return (Integer) ctxt.handleWeirdStringValue(Integer.class, text, "not an integer");
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return (Integer) ctxt.handleWeirdNumberValue(Integer.class, p.getNumberValue(), "not an integer");
        }
        return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
    }
}
