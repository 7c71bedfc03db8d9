"""The shipped read how-to-stretch, in English and Spanish."""

from exercises.catalogue import references as ref

READ = {
    "slug": "how-to-stretch",
    "exercises": [
        "hip-flexor-stretch",
        "hamstring-stretch",
        "butterfly-stretch",
        "figure-four-stretch",
        "childs-pose",
        "standing-hip-flexor-stretch",
    ],
    "sources": "\n".join([ref.ACSM_DOSES, ref.NHS_FLEXIBILITY, ref.VERSUS_ARTHRITIS_HIPS]),
    "en": {
        "title": "How to stretch: how far and how long",
        "summary": "A mild pull, never pain. Hold it, breathe, and don't bounce.",
        "alt": "A person lying on their back holding one leg up with a towel, beside a timer ring showing 30 seconds.",
        "body": """- **How far:** to a feeling of mild tightness or pull, never pain. If it hurts, ease back until it doesn't.
- **How long:** hold for 10 to 30 seconds; older adults may do better with 30 to 60 seconds. Repeat until you have held it for about a minute in all.
- **How:** move into the stretch slowly, breathe normally, and don't bounce. The stretch often eases a little as you breathe out.
- **How often:** at least 2 to 3 days a week; every day works best.

## Common mistakes

- Forcing the end of the movement. Further isn't better.
- Holding your breath.
- Arching or rounding your lower back to get "further". In the hip flexor stretch, for example, tuck your tailbone under instead of leaning forward.

## Make it comfortable

Put a cushion under a sore knee, hold a chair for balance, or use a towel or belt to reach your leg. Each exercise page shows an easier version.
""",
    },
    "es": {
        "title": "Cómo estirar: hasta dónde y cuánto tiempo",
        "summary": "Una tensión suave, nunca dolor. Manténgala, respire y no dé rebotes.",
        "alt": "Una persona tumbada boca arriba que sujeta una pierna en alto con una toalla, junto a un reloj circular que marca 30 segundos.",
        "body": """- **Hasta dónde:** hasta notar una tensión o un tirón suave, nunca dolor. Si duele, afloje hasta que deje de doler.
- **Cuánto tiempo:** mantenga de 10 a 30 segundos; a las personas mayores les puede ir mejor de 30 a 60 segundos. Repita hasta sumar alrededor de un minuto en total.
- **Cómo:** entre en el estiramiento despacio, respire con normalidad y no dé rebotes. El estiramiento suele ceder un poco al soltar el aire.
- **Con qué frecuencia:** al menos 2 o 3 días por semana; lo mejor es todos los días.

## Errores frecuentes

- Forzar el final del movimiento. Llegar más lejos no es mejor.
- Aguantar la respiración.
- Arquear o redondear la parte baja de la espalda para llegar "más lejos". En el estiramiento del flexor de la cadera, por ejemplo, meta el coxis hacia dentro en lugar de inclinarse hacia delante.

## Póngase cómodo

Ponga un cojín bajo una rodilla dolorida, apóyese en una silla para no perder el equilibrio, o use una toalla o un cinturón para llegar a la pierna. La página de cada ejercicio muestra una versión más fácil.
""",
    },
}
