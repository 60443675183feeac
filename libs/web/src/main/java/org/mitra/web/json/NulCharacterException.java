package org.mitra.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string holding the NUL character (\u0000): no Mitra field accepts it and PostgreSQL cannot store it. */
public class NulCharacterException extends JsonMappingException {
    NulCharacterException(JsonParser parser) {
        super(parser, "A string holds the NUL character");
    }
}
