"""The shipped read sitting-breaks, in English and Spanish."""

from exercises.catalogue import references as ref

READ = {
    "slug": "sitting-breaks",
    "exercises": [
        "hip-flexor-stretch",
        "deep-squat",
        "cat-camel",
        "walking-break",
        "standing-hip-flexor-stretch",
    ],
    "sources": "\n".join([ref.NHS_SITTING, ref.ACSM_DOSES, ref.OSULLIVAN_FACTS]),
    "en": {
        "title": "Sitting less, and sitting well",
        "summary": "Long spells in one position stiffen the hips and back. Short breaks help more than a perfect posture.",
        "alt": "A person sitting at a desk, drawn in grey, and the same person standing up beside the chair, with an arrow showing the move from sitting to standing.",
        "body": """Sitting isn't bad for your back, but staying still for a long time can be. When you sit, your hips stay bent, and the muscles at the front of them get used to being short.

## Break it up

- Stand up and move often, even for a minute: when you finish a task, or when the phone rings.
- Walk to fetch a drink, or stand for part of a call or a meeting.
- HipMob can show you two one-minute moves on your Today page. Turn them on in your Account page.

## At a desk

There is no single right posture: the best position is the next one, so change position often. These can make sitting more comfortable:

- Feet flat on the floor, or on a footrest.
- Sit back in the chair so the backrest supports you. A small cushion behind your lower back can help.
- Screen at eye level and about an arm's length away, so you don't lean forward.
- Keyboard and mouse close, with your elbows relaxed by your sides.

## Why the hip flexor stretch helps

The half-kneeling hip flexor stretch in many routines works on the very muscles that long sitting keeps short.
""",
    },
    "es": {
        "title": "Estar menos tiempo sentado, y sentarse bien",
        "summary": "Pasar mucho tiempo en la misma postura pone rígidas las caderas y la espalda. Las pausas cortas ayudan más que una postura perfecta.",
        "alt": "Una persona sentada ante una mesa, dibujada en gris, y la misma persona de pie junto a la silla, con una flecha que muestra el paso de estar sentado a estar de pie.",
        "body": """Estar sentado no es malo para la espalda, pero pasar mucho tiempo sin moverse sí puede serlo. Al sentarse, las caderas quedan dobladas, y los músculos de la parte delantera se acostumbran a estar acortados.

## Haga pausas

- Levántese y muévase a menudo, aunque sea un minuto: al terminar una tarea o cuando suene el teléfono.
- Vaya a por algo de beber, o quédese de pie durante parte de una llamada o de una reunión.
- HipMob puede mostrarle dos movimientos de un minuto en su página Hoy. Actívelos en su página Cuenta.

## Ante una mesa

No hay una única postura correcta: la mejor postura es la siguiente, así que cambie de postura a menudo. Esto puede hacer que esté más cómodo sentado:

- Los pies apoyados en el suelo o en un reposapiés.
- Siéntese al fondo de la silla para que el respaldo le sujete. Un cojín pequeño detrás de la parte baja de la espalda puede ayudar.
- La pantalla a la altura de los ojos y a un brazo de distancia, para no inclinarse hacia delante.
- El teclado y el ratón cerca, con los codos relajados junto al cuerpo.

## Por qué ayuda el estiramiento del flexor de la cadera

El estiramiento del flexor de la cadera con una rodilla en el suelo, que está en muchas rutinas, trabaja justo los músculos que se acortan al pasar mucho tiempo sentado.
""",
    },
}
