"""The shipped read soreness-or-warning-sign, in English and Spanish."""

from exercises.catalogue import EXERCISES
from exercises.catalogue import references as ref

# It links every exercise of the catalogue.
ALL_EXERCISES = [entry["slug"] for entry in EXERCISES]

READ = {
    "slug": "soreness-or-warning-sign",
    "exercises": ALL_EXERCISES,
    "sources": "\n".join(
        [ref.PAIN_MONITORING, ref.GSTT_BACK, ref.NHS_INFORM_BACK, ref.NHS_CAUDA_EQUINA]
    ),
    "en": {
        "title": "Normal soreness, or a warning sign?",
        "summary": "Some stretch and effort are expected. Here is when to ease off, and when to stop and get help.",
        "alt": "A 0 to 10 scale in three parts: a tick from 0 to 3, a pause sign at 4 and 5, and a stop sign above 5.",
        "body": """Exercise for a sore back can feel uncomfortable at times. That doesn't mean it is doing harm.

## Usually fine

- A mild stretch, or a feeling of effort in the muscles you are working.
- Pain during an exercise that stays at 5 out of 10 or lower, and has settled by the next morning.
- Some stiffness the day after a new exercise, which eases as you move.

## Ease off, and tell your clinician

- Pain above 5 out of 10 during an exercise.
- Your back is worse the next morning than it was before the session.
- Pain that spreads down a leg, or a new pain you haven't had before.
- No improvement at all after 2 weeks.

Stop that exercise, choose the easier version or a bad-back day, and let your clinician know. HipMob tells them about high scores too.

## Stop and get help

Some signs need a doctor, not exercise: new numbness between your legs or around your bottom, new trouble passing urine or controlling your bowels, weakness in both legs, a fever with back pain, or pain after a fall.

If you notice any of these, [answer the safety questions](/safety/) now. For numbness between your legs, bladder or bowel changes, or weakness in both legs, call {emergency_number} or go to {emergency_department} straight away.
""",
    },
    "es": {
        "title": "¿Molestia normal o señal de alarma?",
        "summary": "Es normal notar algo de estiramiento y esfuerzo. Aquí verá cuándo bajar el ritmo y cuándo parar y pedir ayuda.",
        "alt": "Una escala de 0 a 10 en tres partes: una marca de visto bueno de 0 a 3, un símbolo de pausa en 4 y 5, y una señal de stop por encima de 5.",
        "body": """Hacer ejercicio con la espalda dolorida a veces resulta incómodo. Eso no quiere decir que le esté haciendo daño.

## Normalmente no pasa nada

- Un estiramiento suave, o notar esfuerzo en los músculos que está trabajando.
- Dolor durante un ejercicio que no pasa de 5 sobre 10 y que se ha calmado a la mañana siguiente.
- Algo de rigidez el día después de un ejercicio nuevo, que mejora al moverse.

## Baje el ritmo y avise a su profesional sanitario

- Dolor de más de 5 sobre 10 durante un ejercicio.
- Su espalda está peor a la mañana siguiente que antes de la sesión.
- Dolor que baja por una pierna, o un dolor nuevo que no había tenido antes.
- Ninguna mejora después de 2 semanas.

Deje ese ejercicio, elija la versión más fácil o el modo de día malo de espalda, y avise a su profesional sanitario. HipMob también le avisa cuando las puntuaciones son altas.

## Pare y pida ayuda

Algunas señales necesitan un médico, no ejercicio: entumecimiento nuevo entre las piernas o alrededor del trasero, problemas nuevos para orinar o para controlar el intestino, debilidad en las dos piernas, fiebre con dolor de espalda, o dolor después de una caída.

Si nota alguna de estas señales, [responda ahora a las preguntas de seguridad](/safety/). Si tiene entumecimiento entre las piernas, cambios al orinar o al ir al baño, o debilidad en las dos piernas, llame al {emergency_number} o vaya a {emergency_department} inmediatamente.
""",
    },
}
