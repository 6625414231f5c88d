"""The institutional (PRA "chapati") Venn: model, layout, renderer and companion table."""
