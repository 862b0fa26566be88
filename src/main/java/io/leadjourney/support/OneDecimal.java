package io.leadjourney.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * Writes a figure rounded to one decimal, for people to read ({@code 7.4}, not {@code 7.352941176470588}); the
 * figure itself keeps its precision for what is computed from it.
 */
public class OneDecimal extends StdSerializer<Double> {

    public OneDecimal() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeNumber(Math.round(value * 10) / 10.0);
    }
}
