"""The shipped read moving-and-lifting, in English and Spanish."""

from exercises.catalogue import references as ref

READ = {
    "slug": "moving-and-lifting",
    "exercises": [
        "deep-squat",
        "lunge-with-twist",
        "bird-dog",
        "dead-bug",
        "glute-bridge",
        "chair-sit-to-stand",
        "split-squat",
    ],
    "sources": "\n".join([ref.SARACENI_LIFTING, ref.GSTT_BACK, ref.OSULLIVAN_FACTS]),
    "en": {
        "title": "Moving and lifting well",
        "summary": "There is no single safe way to lift. Keep loads close, build up gradually and vary how you move.",
        "alt": "A person squats and lifts a box held close to the body, with an arrow pointing up.",
        "body": """Your back is strong and made to bend, lift and twist. There is no single safe posture for lifting: studies have not found that bending your back as you lift leads to back pain. What helps most is getting used to lifting, bit by bit.

## Keep the load close

Hold things close to your body. A load held far out in front feels heavier and is harder to control.

## Build up gradually

Start with lighter things, and lift them often. Over days and weeks, your back and legs get used to more. If something is too heavy today, split the load, use a trolley, or ask for help.

## Vary how you move

You don't have to lift the same way every time. Bending your knees, as in the assisted squat, is one good way. Bending forward with a rounded back is not wrong either, for most everyday things. Changing how you move spreads the work around.

The squat, the lunge with a twist and the bridge build strength in your legs and hips for lifting and turning.

## If it hurts

Some discomfort when you start lifting again is common. Hurt does not equal harm: ease off a little, then build up again. If pain spreads down a leg, or you notice a warning sign from [Normal soreness, or a warning sign?](/learn/soreness-or-warning-sign/), stop and get advice.
""",
    },
    "es": {
        "title": "Moverse y levantar peso con cuidado",
        "summary": "No hay una única forma segura de levantar peso. Mantenga la carga cerca, vaya poco a poco y varíe su forma de moverse.",
        "alt": "Una persona se agacha y levanta una caja pegada al cuerpo, y una flecha apunta hacia arriba.",
        "body": """Su espalda es fuerte y está hecha para doblarse, levantar peso y girar. No existe una única postura segura para levantar cosas: los estudios no han encontrado que doblar la espalda al levantar peso lleve al dolor de espalda. Lo que más ayuda es acostumbrarse a levantar peso poco a poco.

## Mantenga la carga cerca

Lleve las cosas pegadas al cuerpo. Una carga sujeta lejos, por delante, se nota más pesada y cuesta más controlarla.

## Vaya poco a poco

Empiece con cosas más ligeras y levántelas a menudo. Con los días y las semanas, su espalda y sus piernas se acostumbran a más. Si hoy algo pesa demasiado, divida la carga, use un carrito o pida ayuda.

## Varíe su forma de moverse

No hace falta levantar peso siempre de la misma manera. Doblar las rodillas, como en la sentadilla con apoyo, es una buena forma. Inclinarse con la espalda curvada tampoco está mal para la mayoría de las cosas del día a día. Cambiar de forma de moverse reparte el trabajo.

La sentadilla, la zancada con giro y el puente dan fuerza a las piernas y las caderas para levantar peso y girarse.

## Si duele

Es normal notar alguna molestia al volver a levantar peso. Que duela no significa que haya daño: afloje un poco y luego vuelva a aumentar poco a poco. Si el dolor baja por una pierna, o nota una señal de alarma de [¿Molestia normal o señal de alarma?](/learn/soreness-or-warning-sign/), pare y pida consejo.
""",
    },
}
