"""The shipped read core-and-glutes, in English and Spanish."""

from exercises.catalogue import references as ref

READ = {
    "slug": "core-and-glutes",
    "exercises": [
        "glute-bridge",
        "clamshell",
        "bird-dog",
        "dead-bug",
        "lunge-with-twist",
        "partial-bridge",
        "band-clamshell",
        "bird-dog-arm-reach",
        "heel-taps",
    ],
    "sources": "\n".join(
        [ref.ACSM_DOSES, ref.VERSUS_ARTHRITIS_HIPS, ref.HIP_REVIEW, ref.OSULLIVAN_FACTS]
    ),
    "en": {
        "title": "A steady middle: buttocks and core",
        "summary": "Stronger buttock and trunk muscles help you move with control and confidence.",
        "alt": "A person on hands and knees reaching one arm forward and the opposite leg back, with the trunk highlighted and arrows along the arm and the leg.",
        "body": """The stretches give your hips room to move. The strength exercises help you control that movement.

## The muscles involved

- **Buttock muscles (glutes):** the glute bridge and the clamshell work the large muscle at the back of the hip and the smaller ones at the side. They help keep your pelvis level when you walk and climb stairs.
- **Deep stomach and back muscles (core):** the bird dog and the dead bug train you to keep your back still while your arms and legs move.

## Strong, and relaxed too

A weak core doesn't cause back pain, and a strong one isn't armour against it. These exercises build strength and confidence in moving. It also helps to let these muscles relax when you don't need them: you don't have to hold your stomach tight all day.

## Quality first

- Move slowly and with control: about 2 seconds up and 2 seconds down.
- Only go as far as you can keep your back still. Don't let it arch or sag.
- Breathe normally; don't hold your breath.

## How much

Usually 2 to 3 days a week with a day's rest in between: 1 to 3 sets of 8 to 12 repetitions, or 10 to 15 if you are new to exercise. When 3 sets of 12 feel easy, it's time for a little more. HipMob will suggest that to your clinician.
""",
    },
    "es": {
        "title": "Un tronco firme: glúteos y abdomen",
        "summary": "Unos glúteos y un tronco más fuertes le ayudan a moverse con control y confianza.",
        "alt": "Una persona a cuatro patas que estira un brazo hacia delante y la pierna contraria hacia atrás, con el tronco resaltado y flechas a lo largo del brazo y de la pierna.",
        "body": """Los estiramientos dan a sus caderas espacio para moverse. Los ejercicios de fuerza le ayudan a controlar ese movimiento.

## Los músculos que trabajan

- **Los glúteos:** el puente de glúteos y la almeja trabajan el músculo grande de la parte de atrás de la cadera y los más pequeños del lateral. Ayudan a mantener la pelvis nivelada al caminar y al subir escaleras.
- **Los músculos profundos del abdomen y de la espalda:** el perro de caza (bird dog) y el bicho muerto (dead bug) le enseñan a mantener la espalda quieta mientras mueve los brazos y las piernas.

## Fuertes, y también relajados

Un abdomen débil no causa el dolor de espalda, y uno fuerte no es una armadura contra él. Estos ejercicios dan fuerza y confianza al moverse. También ayuda dejar que estos músculos se relajen cuando no los necesita: no hace falta llevar el abdomen apretado todo el día.

## Primero, hacerlo bien

- Muévase despacio y con control: unos 2 segundos para subir y 2 para bajar.
- Llegue solo hasta donde pueda mantener la espalda quieta. No deje que se arquee ni que se hunda.
- Respire con normalidad; no aguante la respiración.

## Cuánto

Normalmente 2 o 3 días por semana, con un día de descanso entre medias: de 1 a 3 series de 8 a 12 repeticiones, o de 10 a 15 si no está acostumbrado al ejercicio. Cuando 3 series de 12 le resulten fáciles, es el momento de hacer un poco más. HipMob se lo propondrá a su profesional sanitario.
""",
    },
}
