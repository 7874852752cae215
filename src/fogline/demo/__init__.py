"""The bundled demo corpus: a fictional contested offensive, with sides, questions and gold."""
