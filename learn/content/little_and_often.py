"""The shipped read little-and-often, in English and Spanish."""

from exercises.catalogue import references as ref

READ = {
    "slug": "little-and-often",
    "exercises": [
        "cat-camel",
        "childs-pose",
        "hip-flexor-stretch",
        "glute-bridge",
        "walking-break",
    ],
    "sources": "\n".join([ref.ACSM_DOSES, ref.NHS_INFORM_BACK, ref.GSTT_BACK]),
    "en": {
        "title": "A little most days beats a lot once a week",
        "summary": "Short, regular sessions add up. One big effort a week mostly leaves you sore.",
        "alt": "Two weeks drawn as rows of seven days. The top row has a small filled dot on most days; the bottom row has one large dot on a single day.",
        "body": """Your routine is short on purpose. Stretches work best when they are done often: at least 2 to 3 days a week, and every day is better. Strength exercises need a day or two of rest in between, so 2 to 3 days a week suits them.

## Why little and often works

- Muscles and joints get used to moving further slowly, through repetition.
- Short sessions are easier to fit in, so you are more likely to keep going. Many people find home exercises hard to keep up, and that is normal.
- A big session after days off is more likely to leave you sore, and that makes the next one harder to start.

## Building up

Start with what your clinician set. If it feels comfortable, exercises usually go up by a repetition or two every few days, or by a few seconds on a hold. HipMob suggests these steps to your clinician from your pain scores, so you don't need to push yourself.

## Keeping it going

Your clinician will tell you how long your programme runs. After that, keeping some exercise going most weeks helps you keep what you have gained. Missed a day? That's fine. Pick up where you are: even a short session counts.
""",
    },
    "es": {
        "title": "Un poco casi todos los días es mejor que mucho una vez por semana",
        "summary": "Las sesiones cortas y frecuentes se van sumando. Un gran esfuerzo una vez por semana sobre todo deja agujetas.",
        "alt": "Dos semanas dibujadas como filas de siete días. La fila de arriba tiene un punto pequeño relleno casi todos los días; la de abajo tiene un solo punto grande en un día.",
        "body": """Su rutina es corta a propósito. Los estiramientos funcionan mejor cuando se hacen a menudo: al menos 2 o 3 días por semana, y todos los días es aún mejor. Los ejercicios de fuerza necesitan uno o dos días de descanso entre medias, así que para ellos lo adecuado son 2 o 3 días por semana.

## Por qué funciona poco y a menudo

- Los músculos y las articulaciones se acostumbran poco a poco a moverse más, a base de repetir.
- Las sesiones cortas son más fáciles de encajar en el día, así que es más probable que las mantenga. A mucha gente le cuesta seguir con los ejercicios en casa, y es normal.
- Una sesión larga después de varios días sin hacer nada deja agujetas con más facilidad, y eso hace más difícil empezar la siguiente.

## Ir aumentando

Empiece con lo que le ha indicado su profesional sanitario. Si le resulta cómodo, lo normal es subir una o dos repeticiones cada pocos días, o unos segundos en los ejercicios que se mantienen. HipMob propone estos pasos a su profesional sanitario a partir de sus puntuaciones de dolor, así que no hace falta que se fuerce.

## Mantener el hábito

Su profesional sanitario le dirá cuánto dura su programa. Después, seguir haciendo algo de ejercicio casi todas las semanas le ayuda a conservar lo que ha ganado. ¿Se saltó un día? No pasa nada. Siga desde donde está: hasta una sesión corta cuenta.
""",
    },
}
