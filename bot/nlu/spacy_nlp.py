"""Rasa's SpacyNLP without spaCy's named-entity recognizer, which nothing in the pipeline reads: it was half
of spaCy's time per message. Names come from DIET and bot/nlu/free_text.py, not from spaCy's NER."""
from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils import spacy_utils
from rasa.nlu.utils.spacy_utils import SpacyModel

from bot.nlu import grammar


# Same class name on purpose: Rasa links SpacyTokenizer and SpacyFeaturizer to their model by this name.
@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="SpacyNLP",
)
class SpacyNLP(spacy_utils.SpacyNLP):
    @staticmethod
    def load_model(spacy_model_name: str) -> SpacyModel:
        model = spacy_utils.SpacyNLP.load_model(spacy_model_name)
        if "ner" in model.model.pipe_names:
            model.model.disable_pipe("ner")
        if spacy_model_name == grammar.MODEL:
            grammar.share(model.model)  # the rules ask it which verbs are in the past: one copy in the process
        return model
